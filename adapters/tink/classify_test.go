package tink

import (
	"errors"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"generic", errors.New("verification failed"), adapters.Signature},
		{"no-exp", errors.New("token doesn't have an expiration set"), adapters.MissingClaim},
		{"no-iat", errors.New(`no '"iat"' claim found`), adapters.MissingClaim},
		{"nbf", errors.New("token cannot be used yet"), adapters.NotYetValid},
		{"iat", errors.New("token has an invalid iat claim in the future"), adapters.IssuedInFuture},
		{"look-alike-expired", errors.New("token has expired"), adapters.Other}, // only tink's own value is IsExpirationErr
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
