package gojosev3

import (
	"errors"

	"github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// step is the call into go-jose that returned an error.
type step int

const (
	// stepParse is jwt.ParseSigned: compact form, base64url and header
	// JSON.
	stepParse step = iota
	// stepClaims is JSONWebToken.Claims: the signature, then the claims
	// JSON decoded with go-jose's own encoding/json fork.
	stepClaims
	// stepValidate is Claims.Validate or Claims.ValidateWithLeeway, which
	// check nbf, exp and iat in that order and return the first failure.
	stepValidate
)

// classify maps a go-jose v3 error from step s to a rejection class.
func classify(s step, err error) adapters.Class {
	switch {
	case errors.Is(err, jose.ErrCryptoFailure),
		errors.Is(err, jose.ErrUnsupportedAlgorithm),
		errors.Is(err, jose.ErrUnsupportedKeyType):
		return adapters.Signature
	case errors.Is(err, jwt.ErrUnmarshalNumericDate),
		errors.Is(err, jwt.ErrUnmarshalAudience):
		return adapters.MalformedClaim
	case errors.Is(err, jwt.ErrExpired):
		return adapters.Expired
	case errors.Is(err, jwt.ErrNotValidYet):
		return adapters.NotYetValid
	case errors.Is(err, jwt.ErrIssuedInTheFuture):
		return adapters.IssuedInFuture
	}
	// go-jose exports no error for a token it cannot split or decode, nor
	// for claims that are not a JSON object (those come from fmt.Errorf,
	// encoding/base64 or its JSON fork). Every other failure of parsing or
	// decoding is therefore a malformed token, told by the step, not by text.
	if s == stepParse || s == stepClaims {
		return adapters.MalformedToken
	}
	return adapters.Other
}
