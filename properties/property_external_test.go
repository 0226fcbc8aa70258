package properties_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/properties"
)

// exactAdapter is an HS256 verifier with no deviation at all: it checks the
// signature with crypto/hmac and judges the claims set with the oracle, so
// its profile is empty and every law must hold on it. It accepts where the
// RFC leaves the choice to the implementation.
type exactAdapter struct{}

func (exactAdapter) Name() string { return "example/exact" }
func (exactAdapter) Module() adapters.Module {
	return adapters.Module{Path: "example/exact", Version: "v0.0.0"}
}

func (exactAdapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureLeeway, adapters.FeatureSubSecondClock, adapters.FeatureRequireExp,
		adapters.FeatureRequireNbf, adapters.FeatureRequireIat:
		return true
	}
	return false
}

func (exactAdapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	payload, rejected := adaptertest.HS256Payload(token, opts)
	if rejected != nil {
		return *rejected
	}
	c := oracle.Query{Now: opts.Now, Leeway: opts.Leeway, SetLeeway: opts.SetLeeway, Require: opts.Require}
	if j := oracle.Judge(payload, c.RFC()); j.Verdict == oracle.Reject {
		return adapters.Rejected(j.Classes[0], errors.New(strings.Join(j.Reasons, "; ")))
	}
	return adapters.Accepted()
}

// TestExactVerifierHoldsEveryLaw checks every law holds, in both modes and
// with every built-in minter, on a verifier with no deviation under an
// empty profile: a law such a verifier failed would be a defect of the law.
// Properties that need another algorithm than HS256, or a leeway in the
// defaults mode, are unsupported.
func TestExactVerifierHoldsEveryLaw(t *testing.T) {
	s := conformance.Subject{Adapter: exactAdapter{}, Profile: conformance.Profile{Schema: conformance.ProfileSchema, Adapter: "example/exact"}}
	for _, p := range properties.Properties() {
		for _, m := range conformance.Modes {
			t.Run(p.Name+"/"+string(m), func(t *testing.T) {
				r := properties.CheckProperty(context.Background(), p, s, properties.PropertyOptions{Mode: m})
				if r.Status == conformance.Fails || !r.Explained {
					detail := ""
					if cx := r.Counterexample; cx != nil {
						detail = cx.Detail
					}
					t.Errorf("%s [%s] on an exact verifier: %s, explained %t\n%s", p.Name, m, r.Status, r.Explained, detail)
				}
				if r.Status == conformance.PropertyUnsupported {
					t.Skip(p.Unsupported(s, properties.PropertyOptions{Mode: m}))
				}
			})
		}
	}
}
