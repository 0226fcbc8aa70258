package jwtgo

import (
	"errors"

	jwt "github.com/dgrijalva/jwt-go"
	"github.com/jwtconform/jwtconform/adapters"
)

// classify maps a dgrijalva/jwt-go error to a rejection class.
//
// Parse returns a *jwt.ValidationError whose Errors bitfield records every
// failure (errors.go); v3.2.0 has no sentinel errors for them, so the bits are
// read through errors.As. MapClaims.Valid checks exp, iat and nbf in turn
// and sets a bit for each failure; the cases below are tried in order. A
// time claim of the wrong type fails as that claim (VerifyExpiresAt
// returns false), so it is classed by the claim: the library's errors
// cannot tell it from a real expiry.
func classify(err error) adapters.Class {
	var ve *jwt.ValidationError
	if !errors.As(err, &ve) {
		return adapters.Other
	}
	switch bits := ve.Errors; {
	case bits&jwt.ValidationErrorMalformed != 0:
		return adapters.MalformedToken
	case bits&(jwt.ValidationErrorSignatureInvalid|jwt.ValidationErrorUnverifiable) != 0:
		return adapters.Signature
	case bits&jwt.ValidationErrorExpired != 0:
		return adapters.Expired
	case bits&jwt.ValidationErrorNotValidYet != 0:
		return adapters.NotYetValid
	case bits&jwt.ValidationErrorIssuedAt != 0:
		return adapters.IssuedInFuture
	}
	return adapters.Other
}
