package jwxv3

import (
	"fmt"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// Minter is the jwx v3 minter, which adapters/all lists with the adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.NewBuilder and jwt.Sign. It leaves the
// jwt.Settings globals alone, so NumericDates are written with the
// library's default format precision of whole seconds. The paths of this
// package set only the parse precision and pedantic mode, never the format
// precision (jwt.Settings stores one only when passed, jwt/jwt.go), and
// the globals are atomics, so minting takes no lock.
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "jwx/v3" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	alg, ok := jwa.LookupSignatureAlgorithm(key.Alg)
	if !ok {
		return "", fmt.Errorf("jwx/v3: no signature algorithm %q", key.Alg)
	}
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
		return "", fmt.Errorf("jwx/v3: build: %w", err)
	}
	s, err := jwt.Sign(tok, jwt.WithKey(alg, key.Private))
	if err != nil {
		return "", fmt.Errorf("jwx/v3: sign: %w", err)
	}
	return string(s), nil
}
