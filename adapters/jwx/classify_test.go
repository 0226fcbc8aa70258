package jwx

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jws"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"github.com/jwtconform/jwtconform/adapters"
)

// verificationError is a real jws verification failure: jwx builds it with
// an unexported type, so the test gets one from jws.Verify.
func verificationError(t *testing.T) error {
	t.Helper()
	token := []byte("eyJhbGciOiJIUzI1NiJ9.e30.AAAA")
	_, err := jws.Verify(token, jws.WithKey(jwa.HS256, []byte("key")))
	if !jws.IsVerificationError(err) {
		t.Fatalf("jws.Verify = %v, want a verification error", err)
	}
	return err
}

func TestClassify(t *testing.T) {
	t.Parallel()
	var syntax error = &json.SyntaxError{}
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"invalid-jwt", jwt.ErrInvalidJWT(), adapters.MalformedToken},
		{"signature", verificationError(t), adapters.Signature},
		{"expired", jwt.ErrTokenExpired(), adapters.Expired},
		{"not-yet-valid", jwt.ErrTokenNotYetValid(), adapters.NotYetValid},
		{"issued-at", jwt.ErrInvalidIssuedAt(), adapters.IssuedInFuture},
		{"required", jwt.ErrMissingRequiredClaim("exp"), adapters.MissingClaim},
		{"syntax", fmt.Errorf("failed to parse token: failed to decode value for key exp: %w", syntax), adapters.MalformedToken},
		{"jws", errors.New("failed to parse jws: failed to decode protected headers"), adapters.MalformedToken},
		{"claim", errors.New("failed to parse token: failed to decode value for key exp: invalid value for NumericDate"), adapters.MalformedClaim},
		{"payload", errors.New("failed to parse token: error reading token: EOF"), adapters.MalformedToken},
		{"format", errors.New("unsupported format (layer: #2)"), adapters.MalformedToken},
		{"audience", jwt.ErrInvalidAudience(), adapters.Other},
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
