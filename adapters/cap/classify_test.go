package cap

import (
	"errors"
	"fmt"
	"testing"

	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"numericdate", josejwt.ErrUnmarshalNumericDate, adapters.MalformedClaim},
		{"audience", fmt.Errorf("wrapped: %w", josejwt.ErrUnmarshalAudience), adapters.MalformedClaim},
		{"signature", errors.New("error verifying token signature: no known key successfully validated the token signature"), adapters.Signature},
		{"parse", errors.New("error verifying token signature: go-jose/go-jose: compact JWS format must have three parts"), adapters.MalformedToken},
		{"alg", errors.New("invalid algorithm (alg) header parameter: token signed with unexpected algorithm"), adapters.Signature},
		{"collision", errors.New(`ambiguous claim: key "EXP" collides with registered claim "exp" under case folding`), adapters.MalformedClaim},
		{"none", errors.New("no issued at (iat), not before (nbf), or expiration time (exp) claims in token"), adapters.MissingClaim},
		{"nbf", errors.New("invalid not before (nbf) claim: token not yet valid"), adapters.NotYetValid},
		{"exp", errors.New("invalid expiration time (exp) claim: token is expired"), adapters.Expired},
		{"iat", errors.New("invalid issued at (iat) claim: token issued in the future"), adapters.IssuedInFuture},
		{"json", errors.New("json: cannot unmarshal number into Go struct field Claims.iss of type string"), adapters.MalformedClaim},
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
