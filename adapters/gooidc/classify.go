package gooidc

import (
	"errors"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/jwtconform/jwtconform/adapters"
)

// classify maps a go-oidc error to a rejection class.
//
// IDTokenVerifier.Verify (oidc/verify.go) parses the JWS with go-jose,
// verifies the signature through the key set, decodes the claims with
// encoding/json, then checks exp and nbf. Its one exported error type is
// *oidc.TokenExpiredError, which it also returns for a token with no exp
// (the zero time is before any clock); every other error is built with
// fmt.Errorf("...: %v"), which wraps nothing, so those are told apart by
// the fixed prefixes Verify writes.
func classify(err error) adapters.Class {
	var expired *oidc.TokenExpiredError
	if errors.As(err, &expired) {
		return adapters.Expired
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "oidc: malformed jwt: "),
		strings.HasPrefix(msg, "oidc: id token not signed"),
		strings.HasPrefix(msg, "oidc: multiple signatures on id token not supported"):
		return adapters.MalformedToken
	case strings.HasPrefix(msg, "failed to verify signature: "):
		return adapters.Signature
	case strings.HasPrefix(msg, "oidc: failed to unmarshal claims: "):
		// The decoder's own text follows: a type error names the claim
		// (a time claim that is not a number, an iss that is not a
		// string); anything else means the payload is not a JSON object.
		if strings.Contains(msg, "json: cannot unmarshal") || strings.Contains(msg, "invalid number literal") {
			return adapters.MalformedClaim
		}
		return adapters.MalformedToken
	case strings.HasPrefix(msg, "oidc: current time ") && strings.Contains(msg, "before the nbf"):
		return adapters.NotYetValid
	}
	return adapters.Other
}
