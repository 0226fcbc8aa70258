package jwx

import (
	"fmt"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// Minter is the jwx minter, which adapters/all lists with the adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.NewBuilder and jwt.Sign. It leaves the
// jwt.Settings globals alone, so NumericDates are written with the
// library's default format precision of whole seconds.
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "jwx/v2" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	b := jwt.NewBuilder()
	if !c.Exp.IsZero() {
		b = b.Expiration(c.Exp)
	}
	if !c.Nbf.IsZero() {
		b = b.NotBefore(c.Nbf)
	}
	if !c.Iat.IsZero() {
		b = b.IssuedAt(c.Iat)
	}
	tok, err := b.Build()
	if err != nil {
		return "", fmt.Errorf("jwx: build: %w", err)
	}
	s, err := jwt.Sign(tok, jwt.WithKey(jwa.SignatureAlgorithm(key.Alg), key.Private))
	if err != nil {
		return "", fmt.Errorf("jwx: sign: %w", err)
	}
	return string(s), nil
}
