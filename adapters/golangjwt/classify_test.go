package golangjwt

import (
	"errors"
	"fmt"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/jwtconform/jwtconform/adapters"
)

// claimsErr wraps errs the way Parser.ParseWithClaims reports a failed
// claims validation: ErrTokenInvalidClaims around the joined failures.
func claimsErr(errs ...error) error {
	return fmt.Errorf("%w: %w", jwt.ErrTokenInvalidClaims, errors.Join(errs...))
}

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want adapters.Class
	}{
		{"malformed", fmt.Errorf("%w: could not JSON decode claim: %w", jwt.ErrTokenMalformed, errors.New("json")), adapters.MalformedToken},
		{"signature", fmt.Errorf("%w: %w", jwt.ErrTokenSignatureInvalid, jwt.ErrSignatureInvalid), adapters.Signature},
		{"unverifiable", fmt.Errorf("%w: signing method (alg) is unavailable", jwt.ErrTokenUnverifiable), adapters.Signature},
		{"invalid-type", claimsErr(fmt.Errorf("%w: exp is invalid", jwt.ErrInvalidType)), adapters.MalformedClaim},
		{"missing", claimsErr(fmt.Errorf("%w: exp claim is required", jwt.ErrTokenRequiredClaimMissing)), adapters.MissingClaim},
		{"expired", claimsErr(jwt.ErrTokenExpired), adapters.Expired},
		{"not-yet-valid", claimsErr(jwt.ErrTokenNotValidYet), adapters.NotYetValid},
		{"issued-in-future", claimsErr(jwt.ErrTokenUsedBeforeIssued), adapters.IssuedInFuture},
		{"expired-and-not-yet-valid", claimsErr(jwt.ErrTokenExpired, jwt.ErrTokenNotValidYet), adapters.Expired},
		{"invalid-type-and-expired", claimsErr(jwt.ErrTokenExpired, jwt.ErrInvalidType), adapters.MalformedClaim},
		{"audience", claimsErr(jwt.ErrTokenInvalidAudience), adapters.Other},
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
