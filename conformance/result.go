package conformance

import (
	"context"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/vectors"
)

// Mode is how a vector's options reach the library.
type Mode string

// The two modes every vector runs in.
const (
	// Explicit passes the vector's clock, leeway and required claims
	// through the library's own options.
	Explicit Mode = "explicit"
	// Defaults passes the same clock and nothing else: what a user gets out
	// of the box, judged against the RFC with leeway 0 and nothing required.
	Defaults Mode = "defaults"
)

// Modes lists the modes in run order.
var Modes = []Mode{Explicit, Defaults}

// Result is one vector run through one adapter in one mode.
type Result struct {
	// Adapter is the adapter's name.
	Adapter string `json:"adapter"`
	// Vector is the vector's id.
	Vector string `json:"vector"`
	// Mode is explicit or defaults.
	Mode Mode `json:"mode"`
	// Token is the compact JWS the library verified.
	Token string `json:"token"`
	// Check is what the library was asked.
	Check Check `json:"-"`
	// Outcome is what the library did.
	Outcome adapters.Outcome `json:"outcome"`
	// RFC is the pure oracle's judgement.
	RFC Judgement `json:"rfc"`
	// Profile is the adapter profile's judgement.
	Profile Judgement `json:"profile"`
	// Severity grades the outcome against the RFC.
	Severity Severity `json:"severity,omitempty"`
	// Explained is false when the profile does not predict the outcome.
	Explained bool `json:"explained"`
}

// Key is the result's key in a Record's Outcomes.
func (r Result) Key() string { return OutcomeKey(r.Vector, r.Mode) }

// OutcomeKey is the key of a recorded outcome: "<vector id> <mode>".
func OutcomeKey(vector string, m Mode) string { return vector + " " + string(m) }

// CheckFor is what a vector asks of a library in mode m.
func CheckFor(v vectors.Vector, m Mode) Check {
	if m == Defaults {
		return Check{Now: v.Now}
	}
	return Check{Now: v.Now, Leeway: v.Leeway, SetLeeway: true, Require: v.Require}
}

// Options maps a check to adapter options with the harness HS256 key.
func (c Check) Options() adapters.Options {
	return adapters.Options{
		Now:       c.Now,
		Leeway:    c.Leeway,
		SetLeeway: c.SetLeeway,
		Require:   c.Require,
		Key:       adapters.Key{Alg: "HS256", Public: jws.HMACSecret},
	}
}

// RFCCheck is the check the RFC verdict is computed under: in the defaults
// mode, leeway 0 and nothing required.
func (c Check) RFCCheck() Check {
	if !c.SetLeeway {
		return Check{Now: c.Now, SetLeeway: true}
	}
	return c
}

// Evaluator runs vectors through adapters.
type Evaluator struct {
	// Timeout bounds each library call; zero means DefaultTimeout.
	Timeout time.Duration
}

// Evaluate runs one vector through adapter a in mode m and judges the
// outcome against the RFC and against profile p.
func (e Evaluator) Evaluate(ctx context.Context, a adapters.Adapter, p Profile, v vectors.Vector, m Mode) (Result, error) {
	c := CheckFor(v, m)
	token := jws.HS256(v.Payload)
	prof, err := p.Predict(v.Payload, c)
	if err != nil {
		return Result{}, err
	}
	r := Result{
		Adapter: a.Name(),
		Vector:  v.ID,
		Mode:    m,
		Token:   token,
		Check:   c,
		Outcome: Call(ctx, a, token, c.Options(), e.Timeout),
		RFC:     Oracle(v.Payload, c.RFCCheck()),
		Profile: prof,
	}
	r.Severity = Grade(r.Outcome, r.RFC)
	r.Explained = Explains(r.Profile, r.Outcome)
	return r, nil
}

// Explains reports whether judgement j predicts outcome o. Unsupported is
// explained by the adapter's Supports; a panic or a timeout never is.
func Explains(j Judgement, o adapters.Outcome) bool {
	switch o.Verdict {
	case adapters.Unsupported:
		return true
	case adapters.Accept, adapters.Reject:
		return j.Allows(o.Verdict)
	}
	return false
}
