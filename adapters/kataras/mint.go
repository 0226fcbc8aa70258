package kataras

import (
	"fmt"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/kataras/jwt"
)

// Minter is the kataras/jwt minter, which adapters/all lists with the
// adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.Sign over jwt.Claims, whose exp, nbf and
// iat are int64 seconds (claims.go): a sub-second part is cut off by
// time.Time.Unix, and a zero time leaves the claim out (omitempty).
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "kataras/jwt" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	alg, ok := algs[key.Alg]
	if !ok {
		return "", fmt.Errorf("kataras/jwt: no algorithm %q", key.Alg)
	}
	var claims jwt.Claims
	if !c.Exp.IsZero() {
		claims.Expiry = c.Exp.Unix()
	}
	if !c.Nbf.IsZero() {
		claims.NotBefore = c.Nbf.Unix()
	}
	if !c.Iat.IsZero() {
		claims.IssuedAt = c.Iat.Unix()
	}
	token, err := jwt.Sign(alg, key.Private, claims)
	if err != nil {
		return "", fmt.Errorf("kataras/jwt: mint: %w", err)
	}
	return string(token), nil
}
