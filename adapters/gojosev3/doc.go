// Package gojosev3 adapts github.com/go-jose/go-jose/v3/jwt to the
// adapters contract, with the same two paths as package gojose offers for
// v4: Claims.Validate, which always applies the library's DefaultLeeway of
// one minute, and Claims.ValidateWithLeeway with a leeway of the caller's
// choice, both after jwt.ParseSigned and JSONWebToken.Claims.
package gojosev3
