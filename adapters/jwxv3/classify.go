package jwxv3

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// classify maps a jwx v3 error to a rejection class.
//
// jwt.Parse wraps every failure in jwt.ParseError, so that error tells
// nothing apart. It works in this order: guess the format (bytes that are
// no JWT at all are jwt.UnknownPayloadTypeError), verify the JWS (a
// jws.VerifyError, or jws.VerificationError for a signature that does not
// match), decode the claims, then run the validators iat, exp, nbf and the
// required claims in turn, returning the first failure as one of the
// library's immutable errors.
func classify(err error) adapters.Class {
	var b64 base64.CorruptInputError
	var syntax *json.SyntaxError
	switch {
	case errors.Is(err, jwt.UnknownPayloadTypeError()):
		return adapters.MalformedToken
	case errors.As(err, &b64), errors.As(err, &syntax):
		// VerifyCompactFast reports a header it cannot decode as a
		// verification error (jws/jws.go:823); the wrapped decoding error
		// says the token is malformed, whatever the signature.
		return adapters.MalformedToken
	case errors.Is(err, jws.VerificationError()):
		return adapters.Signature
	case errors.Is(err, jwt.TokenExpiredError()):
		return adapters.Expired
	case errors.Is(err, jwt.TokenNotYetValidError()):
		return adapters.NotYetValid
	case errors.Is(err, jwt.InvalidIssuedAtError()):
		return adapters.IssuedInFuture
	case errors.Is(err, jwt.MissingRequiredClaimError()):
		return adapters.MissingClaim
	case errors.Is(err, jws.VerifyError()), errors.Is(err, jws.ParseError()):
		// A JWS that jws could not split, decode or match to the key
		// before any signature was computed.
		return adapters.MalformedToken
	}
	// jwx exports no error for claims it cannot decode, so these are told
	// apart by the messages jwt.Parse and the token's UnmarshalJSON build
	// with fmt.Errorf.
	msg := err.Error()
	switch {
	case strings.Contains(msg, "failed to decode value for key "):
		return adapters.MalformedClaim
	case strings.Contains(msg, "iitr between  and iat exceeds "):
		// WithMaxDelta's error (jwt/validate.go isInTimeRange), wrapped
		// by Validate and Parse; the clock is the empty claim name.
		return adapters.TooOld
	case strings.Contains(msg, "iitr between exp and iat exceeds "):
		return adapters.LifetimeTooLong
	case strings.Contains(msg, "unsupported format "):
		// A verified payload that jwx.GuessFormat takes for a JWK, JWK
		// set or JWE ("kty", "keys" or "ciphertext").
		return adapters.MalformedToken
	case strings.HasPrefix(msg, "jwt.Parse: failed to parse token: "):
		return adapters.MalformedToken
	}
	return adapters.Other
}
