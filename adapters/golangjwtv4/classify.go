package golangjwtv4

import (
	"errors"

	"github.com/golang-jwt/jwt/v4"
	"github.com/jwtconform/jwtconform/adapters"
)

// classify maps a golang-jwt v4 error to a rejection class.
//
// Parse returns a *jwt.ValidationError whose Errors bitfield records every
// failure and whose Is method matches the exported sentinels by those bits
// (errors.go), so errors.Is reads each bit. Claims.Valid checks exp, iat and
// nbf in turn and sets a bit for each failure, so several can be present;
// the cases below are tried in order. MapClaims reports a time claim of the
// wrong type as a failure of that claim (VerifyExpiresAt returns false), so
// such a token is classed expired, not_yet_valid or issued_in_future: the
// library's errors cannot tell it from a real one.
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
	case errors.Is(err, jwt.ErrTokenExpired):
		return adapters.Expired
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return adapters.NotYetValid
	case errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return adapters.IssuedInFuture
	}
	return adapters.Other
}
