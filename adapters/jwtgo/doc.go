// Package jwtgo adapts github.com/dgrijalva/jwt-go (v3, an +incompatible
// module) to the adapters contract: Parse into the default MapClaims, the
// path the library's README shows. The repository is archived and
// unmaintained (its successor is github.com/golang-jwt/jwt); it is
// measured because many programs still build against it.
//
// It reads its clock from the package variable jwt.TimeFunc and has no
// leeway and no option to require a claim, so its adapter declares the
// package state (adapters.Global) and supports neither.
package jwtgo
