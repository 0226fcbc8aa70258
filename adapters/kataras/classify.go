package kataras

import (
	"encoding/base64"
	"errors"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/kataras/jwt"
)

// payloadNotJSON is the text of the library's unexported errPayloadNotJSON
// (verify.go:129), returned when the claims are not a JSON object it can
// decode; it is matched by text because it is not exported.
const payloadNotJSON = "jwt: payload is not a type of JSON"

// classify maps a kataras/jwt error to a rejection class. Verify returns
// the first failure only: validateClaims checks nbf, iat and exp in that
// order (claims.go:161-183).
func classify(err error) adapters.Class {
	var b64 base64.CorruptInputError
	switch {
	case errors.Is(err, jwt.ErrTokenForm), errors.Is(err, jwt.ErrMissing),
		errors.As(err, &b64), err.Error() == payloadNotJSON:
		return adapters.MalformedToken
	case errors.Is(err, jwt.ErrTokenSignature), errors.Is(err, jwt.ErrTokenAlg),
		errors.Is(err, jwt.ErrInvalidKey):
		return adapters.Signature
	case errors.Is(err, jwt.ErrExpired):
		return adapters.Expired
	case errors.Is(err, jwt.ErrNotValidYet):
		return adapters.NotYetValid
	case errors.Is(err, jwt.ErrIssuedInTheFuture):
		return adapters.IssuedInFuture
	case strings.HasPrefix(err.Error(), "crypto/"):
		// rsa.ErrVerification and the like: a signature the key refutes.
		return adapters.Signature
	}
	return adapters.Other
}
