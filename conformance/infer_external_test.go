package conformance_test

import (
	"context"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// TestInferRederivesProfiles drops each built-in profile's deviations,
// keeping its parameters (which inference does not search), and checks
// inference finds presets that, with those parameters, predict at least
// as well.
func TestInferRederivesProfiles(t *testing.T) {
	vs := vectors.All()
	for _, a := range all.Adapters() {
		t.Run(a.Name(), func(t *testing.T) {
			t.Parallel()
			p, err := conformance.BuiltinProfile(a.Name())
			if err != nil {
				t.Fatal(err)
			}
			obs := conformance.Observe(context.Background(), a, vs, conformance.Evaluator{})
			declared := 0
			for _, o := range obs {
				j, err := p.Predict(o.Payload, o.Query)
				if err != nil {
					t.Fatal(err)
				}
				if conformance.Explains(j, o.Outcome) {
					declared++
				}
			}
			inf, err := conformance.InferWith(obs, nil, p.Parameters)
			if err != nil {
				t.Fatal(err)
			}
			if inf.Explained < declared {
				t.Errorf("inferred %v explain %d of %d, the profile's %d deviations %d; unexplained: %v",
					ids(inf.Presets), inf.Explained, len(obs), len(p.Deviations), declared, inf.Unexplained)
			}
			t.Logf("inferred %d presets (profile: %d, with %d parameters), explaining %d of %d: %v", len(inf.Presets), len(p.Deviations), len(p.Parameters), inf.Explained, len(obs), ids(inf.Presets))
		})
	}
}

func ids(ps []oracle.Preset) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
