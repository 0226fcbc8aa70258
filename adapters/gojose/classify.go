package gojose

import (
	"errors"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// step is the call into go-jose that returned an error.
type step int

const (
	// stepParse is jwt.ParseSigned: compact form, base64url, header JSON
	// and the alg allow-list.
	stepParse step = iota
	// stepClaims is JSONWebToken.Claims: the signature, then the claims
	// JSON decoded with go-jose's own encoding/json fork.
	stepClaims
	// stepValidate is Claims.Validate or Claims.ValidateWithLeeway, which
	// check nbf, exp and iat in that order and return the first failure.
	stepValidate
)

// classify maps a go-jose error from step s to a rejection class.
func classify(s step, err error) adapters.Class {
	var alg *jose.ErrUnexpectedSignatureAlgorithm
	switch {
	case errors.As(err, &alg),
		errors.Is(err, jose.ErrCryptoFailure),
		errors.Is(err, jose.ErrUnsupportedAlgorithm),
		errors.Is(err, jose.ErrUnsupportedKeyType):
		return adapters.Signature
	case errors.Is(err, jose.ErrInvalidKeySize):
		return adapters.KeyRefused
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

// keySizeRefusal is go-jose's own refusal of an HMAC secret, when it has
// one, for a verification that failed with ErrCryptoFailure. go-jose v4.1.9
// refuses a secret shorter than the hash output (symmetric.go:501-521,
// symmetricMac.hmac, citing RFC 7518 3.2) with ErrInvalidKeySize, but on
// the verifying path symmetricMac.verifyPayload replaces that error
// (symmetric.go:483-485) and DetachedVerify returns ErrCryptoFailure for
// it (signing.go:475-477), exactly as for a MAC that does not match. So
// the shim asks the library the same question on its signing path, which
// runs the same symmetricMac.hmac and keeps its error: an HMAC is
// deterministic and needs no randomness, so the answer is the library's
// own and the same every time.
func keySizeRefusal(alg string, key any) error {
	secret, ok := key.([]byte)
	if !ok {
		return nil
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.SignatureAlgorithm(alg), Key: secret}, nil)
	if err != nil {
		return nil
	}
	if _, err := signer.Sign([]byte{}); errors.Is(err, jose.ErrInvalidKeySize) {
		return err
	}
	return nil
}
