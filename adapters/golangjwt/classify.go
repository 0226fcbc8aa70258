package golangjwt

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jwtconform/jwtconform/adapters"
)

// classify maps a golang-jwt error to a rejection class.
//
// The parser works in this order: split and decode the token, JSON-decode the
// header and the claims (any failure is ErrTokenMalformed, including a time
// claim that RegisteredClaims' NumericDate cannot decode), check alg against
// WithValidMethods and verify the signature (ErrTokenSignatureInvalid), then
// validate claims. The validator checks exp, nbf and iat in turn and joins
// every failure into one error, so several sentinels can be present at once;
// a claim of the wrong type in MapClaims is ErrInvalidType. The cases below
// are tried in order, so a joined error gets the first class that matches.
func classify(err error) adapters.Class {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return adapters.MalformedToken
	case errors.Is(err, jwt.ErrTokenSignatureInvalid),
		// Unverifiable: an alg the library does not know, or no key.
		errors.Is(err, jwt.ErrTokenUnverifiable),
		errors.Is(err, jwt.ErrInvalidKey),
		errors.Is(err, jwt.ErrInvalidKeyType):
		return adapters.Signature
	case errors.Is(err, jwt.ErrInvalidType):
		return adapters.MalformedClaim
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return adapters.MissingClaim
	case errors.Is(err, jwt.ErrTokenExpired):
		return adapters.Expired
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return adapters.NotYetValid
	case errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return adapters.IssuedInFuture
	}
	return adapters.Other
}
