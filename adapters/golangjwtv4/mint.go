package golangjwtv4

import (
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/jwtconform/jwtconform/adapters"
)

// Minter is the golang-jwt v4 minter, which adapters/all lists with the
// adapters.
func Minter() adapters.Minter { return minter{} }

// minter issues tokens with jwt.NewWithClaims over jwt.RegisteredClaims.
// It leaves jwt.TimePrecision at the library's default of one second
// (types.go), so jwt.NewNumericDate truncates every time to whole seconds:
// that is the behaviour users get, and what is measured. No path of this
// package changes jwt.TimePrecision, so no lock is needed.
type minter struct{}

// Name implements adapters.Minter.
func (minter) Name() string { return "golang-jwt/v4" }

// Module implements adapters.Minter.
func (minter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Mint implements adapters.Minter.
func (minter) Mint(c adapters.MintClaims, key adapters.SigningKey) (string, error) {
	method := jwt.GetSigningMethod(key.Alg)
	if method == nil {
		return "", fmt.Errorf("golang-jwt/v4: no signing method %q", key.Alg)
	}
	claims := jwt.RegisteredClaims{
		ExpiresAt: date(c.Exp),
		NotBefore: date(c.Nbf),
		IssuedAt:  date(c.Iat),
	}
	s, err := jwt.NewWithClaims(method, claims).SignedString(key.Private)
	if err != nil {
		return "", fmt.Errorf("golang-jwt/v4: mint: %w", err)
	}
	return s, nil
}

// date is jwt.NewNumericDate, or nil (the claim left out) for a zero time.
func date(t time.Time) *jwt.NumericDate {
	if t.IsZero() {
		return nil
	}
	return jwt.NewNumericDate(t)
}
