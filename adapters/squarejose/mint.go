package squarejose

import (
	"fmt"

	"github.com/jwtconform/jwtconform/adapters"
	jose "gopkg.in/square/go-jose.v2"
	"gopkg.in/square/go-jose.v2/jwt"
)

// Minter is the square go-jose.v2 minter, which adapters/all lists with the
// adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.Signed(signer).Claims(jwt.Claims{...}).
// jwt.NewNumericDate keeps whole seconds only (time.Time.Unix, jwt/claims.go),
// and maps a zero time to an absent claim.
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "square/go-jose.v2" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(key.Alg), Key: key.Private},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", fmt.Errorf("square/go-jose.v2: signer: %w", err)
	}
	claims := jwt.Claims{
		Expiry:    jwt.NewNumericDate(c.Exp),
		NotBefore: jwt.NewNumericDate(c.Nbf),
		IssuedAt:  jwt.NewNumericDate(c.Iat),
	}
	s, err := jwt.Signed(signer).Claims(claims).CompactSerialize()
	if err != nil {
		return "", fmt.Errorf("square/go-jose.v2: mint: %w", err)
	}
	return s, nil
}
