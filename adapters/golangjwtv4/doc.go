// Package golangjwtv4 adapts github.com/golang-jwt/jwt/v4 to the adapters
// contract. It offers two verification paths: Parse into the default
// MapClaims (the path the library's README shows) and ParseWithClaims into
// RegisteredClaims.
//
// Version 4 reads its clock from the package variable jwt.TimeFunc and has
// no leeway and no option to require a claim, so its adapters declare the
// package state (adapters.Global) and support neither.
package golangjwtv4
