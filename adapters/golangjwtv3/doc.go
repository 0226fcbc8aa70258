// Package golangjwtv3 adapts github.com/golang-jwt/jwt (v3, an
// +incompatible module) to the adapters contract: Parse into the default
// MapClaims, the path the library's README shows. v3 is the fork of the
// archived dgrijalva/jwt-go and is superseded by v4 and v5; many programs
// still build against it.
//
// It reads its clock from the package variable jwt.TimeFunc and has no
// leeway and no option to require a claim, so its adapter declares the
// package state (adapters.Global) and supports neither.
package golangjwtv3
