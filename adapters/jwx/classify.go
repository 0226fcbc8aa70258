package jwx

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// classify maps a jwx error to a rejection class.
//
// jwt.Parse works in this order: guess the format (a compact token without
// exactly two or four dots is jwt.ErrInvalidJWT), parse and verify the JWS
// (a failed signature is a jws verification error), decode the claims, then
// run the validators iat, exp, nbf and the required claims in turn,
// returning the first failure as one of the library's immutable errors.
func classify(err error) adapters.Class {
	var syntax *json.SyntaxError
	switch {
	case errors.Is(err, jwt.ErrInvalidJWT()):
		return adapters.MalformedToken
	case jws.IsVerificationError(err):
		return adapters.Signature
	case errors.Is(err, jwt.ErrTokenExpired()):
		return adapters.Expired
	case errors.Is(err, jwt.ErrTokenNotYetValid()):
		return adapters.NotYetValid
	case errors.Is(err, jwt.ErrInvalidIssuedAt()):
		return adapters.IssuedInFuture
	case errors.Is(err, jwt.ErrRequiredClaim()):
		return adapters.MissingClaim
	case errors.As(err, &syntax):
		// jwx decodes with encoding/json (unless built with the jwx_goccy
		// tag) and wraps its errors: the payload is not JSON at all.
		return adapters.MalformedToken
	}
	// jwx exports no error for a JWS it cannot parse or claims it cannot
	// decode, so these are told apart by the messages jwt.Parse and
	// stdToken.UnmarshalJSON build with fmt.Errorf.
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "failed to parse jws: "):
		return adapters.MalformedToken
	case strings.HasPrefix(msg, "failed to parse token: failed to decode value for key "):
		return adapters.MalformedClaim
	case strings.HasPrefix(msg, "failed to parse token: "):
		return adapters.MalformedToken
	case strings.HasPrefix(msg, "iitr between  and iat exceeds "):
		// WithMaxDelta's error (jwt/validate.go isInTimeRange) names
		// the claims; the clock is the empty name.
		return adapters.TooOld
	case strings.HasPrefix(msg, "iitr between exp and iat exceeds "):
		return adapters.LifetimeTooLong
	case strings.HasPrefix(msg, "unsupported format "):
		// A compact JWE, or a verified payload that jwx.GuessFormat takes
		// for a JWK, JWK set or JWE (a "kty", "keys" or "ciphertext"
		// member): jwt.Parse reports either as a format it cannot handle.
		return adapters.MalformedToken
	}
	return adapters.Other
}
