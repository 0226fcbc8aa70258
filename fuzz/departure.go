package fuzz

import (
	"context"

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
	// RootCauses name the profile's presets or parameter values that
	// explain the outcome (conformance.Predictor.RootCauses).
	RootCauses []string
	// Reasons are the profile's reasons for RootCauses, in their order.
	Reasons []string
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
		if dep.RootCauses, err = conformance.NewPredictor(payload).RootCauses(s.Profile, c, o); err != nil {
			return nil, err
		}
		for _, name := range dep.RootCauses {
			dep.Reasons = append(dep.Reasons, s.Profile.Reason(name))
		}
		out = append(out, dep)
	}
	return out, nil
}
