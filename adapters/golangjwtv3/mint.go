package golangjwtv3

import (
	"fmt"

	"github.com/golang-jwt/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// Minter is the golang-jwt v3 minter, which adapters/all lists with the
// adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.NewWithClaims over jwt.StandardClaims,
// whose exp, nbf and iat are int64 seconds (claims.go): a sub-second part
// is cut off by time.Time.Unix, and a zero time leaves the claim out
// (omitempty).
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "golang-jwt/v3" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	method := jwt.GetSigningMethod(key.Alg)
	if method == nil {
		return "", fmt.Errorf("golang-jwt/v3: no signing method %q", key.Alg)
	}
	var claims jwt.StandardClaims
	if !c.Exp.IsZero() {
		claims.ExpiresAt = c.Exp.Unix()
	}
	if !c.Nbf.IsZero() {
		claims.NotBefore = c.Nbf.Unix()
	}
	if !c.Iat.IsZero() {
		claims.IssuedAt = c.Iat.Unix()
	}
	s, err := jwt.NewWithClaims(method, claims).SignedString(key.Private)
	if err != nil {
		return "", fmt.Errorf("golang-jwt/v3: mint: %w", err)
	}
	return s, nil
}
