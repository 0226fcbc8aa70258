package conformance

import (
	"errors"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

func TestGrade(t *testing.T) {
	t.Parallel()
	accept := oracle.Judgement{Verdict: oracle.Accept}
	reject := oracle.Judgement{Verdict: oracle.Reject, Classes: []oracle.Class{oracle.Expired}}
	either := oracle.Judgement{Verdict: oracle.Either}
	refused := adapters.Rejected(adapters.KeyRefused, errors.New("key too short"))
	for _, tc := range []struct {
		name string
		o    adapters.Outcome
		rfc  oracle.Judgement
		want Severity
	}{
		{"accepts what must be rejected", adapters.Accepted(), reject, Security},
		{"rejects what must be accepted", adapters.Rejected(adapters.Expired, nil), accept, Interop},
		{"either", adapters.Rejected(adapters.MalformedClaim, nil), either, Info},
		{"agrees", adapters.Rejected(adapters.Expired, nil), reject, None},
		{"panic", adapters.Outcome{Verdict: adapters.Panic}, accept, Security},
		{"unsupported", adapters.NotSupported(adapters.FeatureLeeway), reject, None},
		// A refused key is a policy whatever the claims: RFC 7518 3.2.
		{"key refused, claims valid", refused, accept, Policy},
		{"key refused, claims expired", refused, reject, Policy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Grade(tc.o, tc.rfc); got != tc.want {
				t.Errorf("Grade(%s, %s) = %q, want %q", tc.o, tc.rfc.Verdict, got, tc.want)
			}
		})
	}
}
