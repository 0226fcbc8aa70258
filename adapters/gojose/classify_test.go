package gojose

import (
	"encoding/base64"
	"errors"
	"fmt"
	"testing"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/jwtconform/jwtconform/adapters"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	unexpectedAlg := fmt.Errorf("parse: %w", &jose.ErrUnexpectedSignatureAlgorithm{Got: jose.HS384})
	cases := []struct {
		name string
		step step
		err  error
		want adapters.Class
	}{
		{"three-parts", stepParse, errors.New("go-jose/go-jose: compact JWS format must have three parts"), adapters.MalformedToken},
		{"base64", stepParse, base64.CorruptInputError(0), adapters.MalformedToken},
		{"unexpected-alg", stepParse, unexpectedAlg, adapters.Signature},
		{"crypto", stepClaims, jose.ErrCryptoFailure, adapters.Signature},
		{"key-type", stepClaims, jose.ErrUnsupportedKeyType, adapters.Signature},
		{"key-size", stepClaims, jose.ErrInvalidKeySize, adapters.KeyRefused},
		{"numeric-date", stepClaims, jwt.ErrUnmarshalNumericDate, adapters.MalformedClaim},
		{"audience", stepClaims, jwt.ErrUnmarshalAudience, adapters.MalformedClaim},
		{"payload-json", stepClaims, fmt.Errorf("json: duplicate key 'exp' in object"), adapters.MalformedToken},
		{"expired", stepValidate, jwt.ErrExpired, adapters.Expired},
		{"not-yet-valid", stepValidate, jwt.ErrNotValidYet, adapters.NotYetValid},
		{"issued-in-future", stepValidate, jwt.ErrIssuedInTheFuture, adapters.IssuedInFuture},
		{"issuer", stepValidate, jwt.ErrInvalidIssuer, adapters.Other},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := classify(tc.step, tc.err); got != tc.want {
				t.Errorf("classify(%d, %q) = %s, want %s", tc.step, tc.err, got, tc.want)
			}
		})
	}
}

// TestKeySizeRefusal: go-jose's own signing path tells a secret it
// refuses (shorter than the hash output, RFC 7518 3.2) from one it takes.
func TestKeySizeRefusal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		alg     string
		key     any
		refused bool
	}{
		{"HS256", make([]byte, 31), true},
		{"HS256", make([]byte, 32), false},
		{"HS384", make([]byte, 47), true},
		{"HS384", make([]byte, 48), false},
		{"HS512", make([]byte, 63), true},
		{"HS512", make([]byte, 64), false},
		{"HS256", []byte("your-256-bit-secret"), true},
		{"RS256", make([]byte, 8), false}, // not an HMAC: no such rule
		{"HS256", "a string", false},      // not a secret
	} {
		err := keySizeRefusal(tc.alg, tc.key)
		if got := err != nil; got != tc.refused || (err != nil && !errors.Is(err, jose.ErrInvalidKeySize)) {
			t.Errorf("keySizeRefusal(%s, %T of %v) = %v, want refused %t", tc.alg, tc.key, tc.key, err, tc.refused)
		}
	}
}
