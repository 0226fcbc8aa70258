package kataras

import (
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/kataras/jwt"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"form", jwt.ErrTokenForm, adapters.MalformedToken},
		{"base64", base64.CorruptInputError(3), adapters.MalformedToken},
		{"not-json", errors.New(payloadNotJSON), adapters.MalformedToken},
		{"signature", jwt.ErrTokenSignature, adapters.Signature},
		{"rsa", rsa.ErrVerification, adapters.Signature},
		{"header", jwt.ErrTokenAlg, adapters.Signature},
		{"expired", jwt.ErrExpired, adapters.Expired},
		{"not-yet-valid", jwt.ErrNotValidYet, adapters.NotYetValid},
		{"issued-in-future", jwt.ErrIssuedInTheFuture, adapters.IssuedInFuture},
		{"unknown", errors.New("something else"), adapters.Other},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := classify(tc.err); got != tc.want {
				t.Errorf("classify(%q) = %s, want %s", tc.err, got, tc.want)
			}
		})
	}
}
