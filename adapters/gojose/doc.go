// Package gojose adapts github.com/go-jose/go-jose/v4/jwt to the adapters
// contract. It offers the two documented ways to check time claims after
// jwt.ParseSigned and JSONWebToken.Claims: Claims.Validate, which always
// applies the library's DefaultLeeway of one minute, and
// Claims.ValidateWithLeeway with a leeway of the caller's choice.
package gojose
