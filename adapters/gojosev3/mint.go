package gojosev3

import (
	"fmt"

	"github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// Minter is the go-jose v3 minter, which adapters/all lists with the
// adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.Signed(signer).Claims(jwt.Claims{...}).
// jwt.NewNumericDate keeps whole seconds only (time.Time.Unix, jwt/claims.go),
// and maps a zero time to an absent claim.
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "go-jose/v3" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(key.Alg), Key: key.Private},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", fmt.Errorf("go-jose/v3: signer: %w", err)
	}
	claims := jwt.Claims{
		Expiry:    jwt.NewNumericDate(c.Exp),
		NotBefore: jwt.NewNumericDate(c.Nbf),
		IssuedAt:  jwt.NewNumericDate(c.Iat),
	}
	s, err := jwt.Signed(signer).Claims(claims).CompactSerialize()
	if err != nil {
		return "", fmt.Errorf("go-jose/v3: mint: %w", err)
	}
	return s, nil
}
