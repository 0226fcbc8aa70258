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
