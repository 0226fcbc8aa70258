package tink

import (
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/tink-crypto/tink-go/v2/jwt"
)

// classify maps a tink error to a rejection class.
//
// VerifyAndDecode and VerifyMACAndDecode (jwt/jwt_verifier_kid.go,
// jwt/jwt_mac_kid.go) turn every failure before validation (a token that
// does not split, a bad signature, a header or payload that protojson
// cannot decode, a time claim that is not a number in range) into one
// generic "verification failed", so all of those are signature here: tink
// does not tell them apart. Validator.Validate (jwt/jwt_validator.go) then
// checks exp, nbf and iat. The one exported test is jwt.IsExpirationErr;
// every other validation error is a fmt.Errorf with a fixed text.
func classify(err error) adapters.Class {
	if jwt.IsExpirationErr(err) {
		return adapters.Expired
	}
	msg := err.Error()
	switch {
	case msg == "verification failed":
		return adapters.Signature
	case msg == "token doesn't have an expiration set":
		return adapters.MissingClaim
	case strings.HasPrefix(msg, "no ") && strings.HasSuffix(msg, " claim found"):
		// RawJWT.IssuedAt on a token without iat, under ExpectIssuedInThePast.
		return adapters.MissingClaim
	case msg == "token cannot be used yet":
		return adapters.NotYetValid
	case msg == "token has an invalid iat claim in the future":
		return adapters.IssuedInFuture
	}
	return adapters.Other
}
