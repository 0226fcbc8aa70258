package cap

import (
	"errors"
	"strings"

	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// classify maps a cap error to a rejection class.
//
// Validator.Validate (jwt/jwt.go, validateAll) verifies the signature and
// decodes the claims into a map through the key set, rejects a claim name
// that folds to a registered one, checks the alg header, decodes the map
// again into go-jose's jwt.Claims, then checks nbf, exp and iat. Only the
// go-jose decode errors are exported (jwt.ErrUnmarshalNumericDate,
// jwt.ErrUnmarshalAudience); cap builds its own with errors.New and
// fmt.Errorf and exports none, so those are told apart by their text.
func classify(err error) adapters.Class {
	if errors.Is(err, josejwt.ErrUnmarshalNumericDate) || errors.Is(err, josejwt.ErrUnmarshalAudience) {
		return adapters.MalformedClaim
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "error verifying token signature: "):
		// staticKeySet.VerifySignature reports a failed signature, and
		// claims go-jose cannot decode into a map, with this one text;
		// anything else is jwt.ParseSigned refusing the token.
		if strings.HasSuffix(msg, "no known key successfully validated the token signature") {
			return adapters.Signature
		}
		return adapters.MalformedToken
	case strings.HasPrefix(msg, "invalid algorithm (alg) header parameter: "):
		return adapters.Signature
	case strings.HasPrefix(msg, "ambiguous claim: "):
		return adapters.MalformedClaim
	case strings.HasPrefix(msg, "no issued at (iat), not before (nbf), or expiration time (exp) claims"):
		return adapters.MissingClaim
	case strings.HasPrefix(msg, "invalid not before (nbf) claim"):
		return adapters.NotYetValid
	case strings.HasPrefix(msg, "invalid expiration time (exp) claim"):
		return adapters.Expired
	case strings.HasPrefix(msg, "invalid issued at (iat) claim"):
		return adapters.IssuedInFuture
	case strings.HasPrefix(msg, "json: "):
		// json.Unmarshal into jwt.Claims: an iss, sub or jti that is not
		// a string.
		return adapters.MalformedClaim
	}
	return adapters.Other
}
