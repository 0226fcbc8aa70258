package conformance_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
)

// TestProperties checks every rapid property on every built-in adapter
// against its recorded profile. TestBuiltinAdapters covers the same checks
// through conformance.Run and the two share one run per process; this test
// exists so that a deep run can select the properties alone:
//
//	go test ./conformance -run Propert -rapid.checks=10000
func TestProperties(t *testing.T) {
	for _, a := range all.Adapters() {
		t.Run(a.Name(), func(t *testing.T) {
			p, err := conformance.BuiltinProfile(a.Name())
			if err != nil {
				t.Fatal(err)
			}
			conformance.RunProperties(t, a, p, all.Minters()...)
		})
	}
}

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
	payload, rejected := hs256Payload(token, opts)
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
	for _, p := range conformance.Properties() {
		for _, m := range conformance.Modes {
			t.Run(p.Name+"/"+string(m), func(t *testing.T) {
				r := conformance.CheckProperty(context.Background(), p, s, conformance.PropertyOptions{Mode: m})
				if r.Status == conformance.Fails || !r.Explained {
					detail := ""
					if cx := r.Counterexample; cx != nil {
						detail = cx.Detail
					}
					t.Errorf("%s [%s] on an exact verifier: %s, explained %t\n%s", p.Name, m, r.Status, r.Explained, detail)
				}
				if r.Status == conformance.PropertyUnsupported {
					t.Skip(p.Unsupported(s, conformance.PropertyOptions{Mode: m}))
				}
			})
		}
	}
}
