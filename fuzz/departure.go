package fuzz

import (
	"context"
	"slices"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
)

// KindExplained marks, in the findings, a divergence from RFC 7519 that a
// committed differential input shows and that a profile deviation now
// explains: what the fuzzer found once, and which deviation absorbed it.
const KindExplained = "explained"

// Departure is one subject's outcome on one input that the pure RFC
// oracle does not predict but the subject's profile does.
type Departure struct {
	// Adapter is the adapter's name.
	Adapter string
	// Module is the library's module@version.
	Module string
	// Outcome is what the library did.
	Outcome adapters.Outcome
	// RFC is the pure oracle's judgement.
	RFC oracle.Judgement
	// Deviations are the profile's deviations without any one of which
	// the profile would not predict the outcome.
	Deviations []conformance.DeviationRef
}

// Departures runs one input as Check does and returns every outcome that
// departs from RFC 7519 while the subject's profile explains it, with the
// deviations that explain it.
func (d Differential) Departures(ctx context.Context, payload []byte, c oracle.Query) ([]Departure, error) {
	ps := payloadSigner{payload: payload}
	rfc := oracle.Judge(payload, c.RFC())
	var out []Departure
	for _, s := range d.Subjects {
		token, key, err := ps.sign(s.Adapter)
		if err != nil {
			continue // unsupported: no harness key for the adapter's algorithms
		}
		o := harness.Call(ctx, s.Adapter, token, conformance.OptionsFor(c, key), d.Timeout)
		if o.Verdict == adapters.Unsupported || conformance.Explains(rfc, o) {
			continue
		}
		predicted, err := s.Profile.Predict(payload, c)
		if err != nil {
			return nil, err
		}
		if !conformance.Explains(predicted, o) {
			continue // an anomaly: Check reports it
		}
		dep := Departure{Adapter: s.Adapter.Name(), Module: s.Adapter.Module().String(), Outcome: o, RFC: rfc}
		for i, dev := range s.Profile.Deviations {
			without := s.Profile
			without.Deviations = slices.Delete(slices.Clone(s.Profile.Deviations), i, i+1)
			j, err := without.Predict(payload, c)
			if err != nil {
				return nil, err
			}
			if !conformance.Explains(j, o) {
				dep.Deviations = append(dep.Deviations, dev)
			}
		}
		out = append(out, dep)
	}
	return out, nil
}
