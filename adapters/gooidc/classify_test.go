package gooidc

import (
	"errors"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/jwtconform/jwtconform/adapters"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"expired", &oidc.TokenExpiredError{Expiry: time.Unix(0, 0)}, adapters.Expired},
		{"malformed", errors.New("oidc: malformed jwt: go-jose/go-jose: compact JWS format must have three parts"), adapters.MalformedToken},
		{"unsigned", errors.New("oidc: id token not signed"), adapters.MalformedToken},
		{"signature", errors.New("failed to verify signature: no public keys able to verify jwt"), adapters.Signature},
		{"claim-type", errors.New("oidc: failed to unmarshal claims: json: cannot unmarshal bool into Go struct field idToken.exp of type json.Number"), adapters.MalformedClaim},
		{"claim-number", errors.New(`oidc: failed to unmarshal claims: json: invalid number literal, trying to unmarshal "\"soon\"" into Number`), adapters.MalformedClaim},
		{"payload", errors.New("oidc: failed to unmarshal claims: invalid character 'x' after top-level value"), adapters.MalformedToken},
		{"nbf", errors.New("oidc: current time 2023-11-14 22:13:20 +0000 UTC before the nbf (not before) time: 2023-11-14 23:13:20 +0000 UTC"), adapters.NotYetValid},
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
