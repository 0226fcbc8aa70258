package jwtgo

import (
	"errors"
	"fmt"
	"testing"

	jwt "github.com/dgrijalva/jwt-go"

	"github.com/jwtconform/jwtconform/adapters"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"malformed", jwt.NewValidationError("token contains an invalid number of segments", jwt.ValidationErrorMalformed), adapters.MalformedToken},
		{"signature", &jwt.ValidationError{Inner: jwt.ErrSignatureInvalid, Errors: jwt.ValidationErrorSignatureInvalid}, adapters.Signature},
		{"unverifiable", jwt.NewValidationError("key is invalid", jwt.ValidationErrorUnverifiable), adapters.Signature},
		{"expired", &jwt.ValidationError{Inner: errors.New("Token is expired"), Errors: jwt.ValidationErrorExpired}, adapters.Expired},
		{"not-yet-valid", &jwt.ValidationError{Inner: errors.New("Token is not valid yet"), Errors: jwt.ValidationErrorNotValidYet}, adapters.NotYetValid},
		{"issued-in-future", &jwt.ValidationError{Inner: errors.New("Token used before issued"), Errors: jwt.ValidationErrorIssuedAt}, adapters.IssuedInFuture},
		{"expired-and-not-yet-valid", &jwt.ValidationError{Errors: jwt.ValidationErrorExpired | jwt.ValidationErrorNotValidYet}, adapters.Expired},
		{"wrapped", fmt.Errorf("auth: %w", &jwt.ValidationError{Errors: jwt.ValidationErrorExpired}), adapters.Expired},
		{"no-bits", &jwt.ValidationError{Errors: jwt.ValidationErrorAudience}, adapters.Other},
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
