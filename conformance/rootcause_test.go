package conformance

import (
	"slices"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

func TestRootCauses(t *testing.T) {
	t.Parallel()
	ref := func(id string) DeviationRef { return DeviationRef{ID: id, Reason: "test"} }
	p := Profile{Adapter: "test", Deviations: []DeviationRef{ref("default-leeway-1m"), ref("exp-inclusive"), ref("duplicates-rejected")},
		Parameters: []ParameterRef{{Name: "nbf.default-leeway", Value: "5m", Reason: "test"}}}
	defaults := oracle.Query{Now: time.Unix(1700000000, 0)}
	accept, expired := adapters.Accepted(), adapters.Rejected(adapters.Expired, nil)
	for _, tc := range []struct {
		name, payload string
		o             adapters.Outcome
		want          []string
	}{
		{"the default leeway alone", `{"exp":1699999950}`, accept, []string{"default-leeway-1m"}},
		{"leeway and the inclusive boundary together", `{"exp":1699999940}`, accept, []string{"default-leeway-1m", "exp-inclusive"}},
		{"a parameter", `{"nbf":1700000200}`, accept, []string{"nbf.default-leeway=5m"}},
		{"an either point the profile pins", `{"exp":1800000000,"exp":1800000000}`, adapters.Rejected(adapters.MalformedToken, nil), []string{"duplicates-rejected"}},
		{"what the RFC requires needs no cause", `{"exp":1699999000}`, expired, nil},
		{"an outcome the profile does not predict has none", `{"exp":1699999000}`, accept, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := NewPredictor([]byte(tc.payload)).RootCauses(p, defaults, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("RootCauses(%s, %s) = %q, want %q", tc.payload, tc.o, got, tc.want)
			}
		})
	}
}

// TestRootCausesThreeSuffice checks a result three deviations each explain
// alone names all three: kataras/jwt accepts exp == now == X.123 because
// a fraction skips its time checks, its clock rounds down to X, and its
// exp is inclusive.
func TestRootCausesThreeSuffice(t *testing.T) {
	t.Parallel()
	ref := func(id string) DeviationRef { return DeviationRef{ID: id, Reason: "test"} }
	p := Profile{Adapter: "test", Deviations: []DeviationRef{ref("clock-nearest-second"), ref("exp-inclusive"), ref("time-checks-skipped-on-decode-failure")}}
	q := oracle.Query{Now: time.Unix(1700000000, 123e6)}
	got, err := NewPredictor([]byte(`{"exp":1700000000.123}`)).RootCauses(p, q, adapters.Accepted())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"clock-nearest-second", "exp-inclusive", "time-checks-skipped-on-decode-failure"}; !slices.Equal(got, want) {
		t.Errorf("RootCauses = %q, want %q", got, want)
	}
}
