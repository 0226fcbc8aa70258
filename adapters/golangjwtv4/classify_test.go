package golangjwtv4

import (
	"errors"
	"testing"

	"github.com/golang-jwt/jwt/v4"

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
		{"unverifiable", jwt.NewValidationError("signing method HS384 is invalid", jwt.ValidationErrorSignatureInvalid), adapters.Signature},
		{"expired", &jwt.ValidationError{Inner: errors.New("Token is expired"), Errors: jwt.ValidationErrorExpired}, adapters.Expired},
		{"not-yet-valid", &jwt.ValidationError{Inner: jwt.ErrTokenNotValidYet, Errors: jwt.ValidationErrorNotValidYet}, adapters.NotYetValid},
		{"issued-in-future", &jwt.ValidationError{Inner: jwt.ErrTokenUsedBeforeIssued, Errors: jwt.ValidationErrorIssuedAt}, adapters.IssuedInFuture},
		{"expired-and-not-yet-valid", &jwt.ValidationError{Inner: jwt.ErrTokenNotValidYet, Errors: jwt.ValidationErrorExpired | jwt.ValidationErrorNotValidYet}, adapters.Expired},
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
