package conformance

import (
	"context"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// Mode is how a vector's options reach the library.
type Mode string

// The two modes every vector runs in.
const (
	// Explicit passes the vector's clock, leeway, required claims and any
	// maximum age or lifetime through the library's own options.
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
	// Alg is the JWS algorithm the harness signed Token with, SigningAlg
	// of the adapter; "" when the harness has a key for none it verifies.
	Alg string `json:"alg"`
	// Token is the compact JWS the library verified.
	Token string `json:"token"`
	// Query is what the library was asked.
	Query oracle.Query `json:"-"`
	// Outcome is what the library did.
	Outcome adapters.Outcome `json:"outcome"`
	// RFC is the pure oracle's judgement.
	RFC oracle.Judgement `json:"rfc"`
	// Profile is the adapter profile's judgement.
	Profile oracle.Judgement `json:"profile"`
	// Severity grades the outcome against the RFC.
	Severity Severity `json:"severity,omitempty"`
	// RootCauses name the profile's presets ("exp-inclusive") or parameter values ("nbf.default-leeway=5m") whose removal changes the prediction: what explains a departure from the RFC.
	RootCauses []string `json:"rootCauses,omitempty"`
	// Explained is false when the profile does not predict the outcome.
	Explained bool `json:"explained"`
}

// Key is the result's key in a Record's Outcomes.
func (r Result) Key() string { return OutcomeKey(r.Vector, r.Mode) }

// OutcomeKey is the key of a recorded outcome: "<vector id> <mode>".
func OutcomeKey(vector string, m Mode) string { return vector + " " + string(m) }

// QueryFor is what a vector asks of a library in mode m.
func QueryFor(v vectors.Vector, m Mode) oracle.Query {
	if m == Defaults {
		return oracle.Query{Now: v.Now}
	}
	return oracle.Query{Now: v.Now, Leeway: v.Leeway, SetLeeway: true, Require: v.Require,
		MaxAge: v.MaxAge, MaxLifetime: v.MaxLifetime}
}

// OptionsFor maps a query to adapter options with verification key key,
// the one Sign returned with the token.
func OptionsFor(c oracle.Query, key adapters.Key) adapters.Options {
	return adapters.Options{
		Now:         c.Now,
		Leeway:      c.Leeway,
		SetLeeway:   c.SetLeeway,
		Require:     c.Require,
		MaxAge:      c.MaxAge,
		MaxLifetime: c.MaxLifetime,
		Key:         key,
	}
}

// Evaluator runs vectors through adapters.
type Evaluator struct {
	// Timeout bounds each library call; zero means harness.DefaultTimeout.
	Timeout time.Duration
}

// Evaluate runs one vector through adapter a in mode m and judges the
// outcome against the RFC and against profile p.
func (e Evaluator) Evaluate(ctx context.Context, a adapters.Adapter, p Profile, v vectors.Vector, m Mode) (Result, error) {
	return e.evaluate(ctx, a, p, v, m, func(token string, opts adapters.Options) adapters.Outcome {
		return harness.Call(ctx, a, token, opts, e.Timeout)
	})
}

// evaluate is Evaluate with the library call made by call, so that a batch
// can make it on its own goroutine.
func (e Evaluator) evaluate(ctx context.Context, a adapters.Adapter, p Profile, v vectors.Vector, m Mode, call func(token string, opts adapters.Options) adapters.Outcome) (Result, error) {
	c := QueryFor(v, m)
	pr := NewPredictor(v.Payload)
	prof, err := pr.Predict(p, c)
	if err != nil {
		return Result{}, err
	}
	r := Result{
		Adapter: a.Name(),
		Vector:  v.ID,
		Mode:    m,
		Query:   c,
		RFC:     oracle.Judge(v.Payload, c.RFC()),
		Profile: prof,
	}
	token, key, err := Sign(a, v.Payload)
	if err != nil {
		r.Outcome = noSigningAlg(err)
	} else {
		r.Alg, r.Token = key.Alg, token
		r.Outcome = call(token, OptionsFor(c, key))
	}
	r.Severity = Grade(v.Payload, c, r.Outcome, r.RFC)
	r.Explained = Explains(r.Profile, r.Outcome)
	if r.Severity != None && r.Explained {
		if r.RootCauses, err = pr.RootCauses(p, c, r.Outcome); err != nil {
			return r, err
		}
	}
	return r, nil
}

// Explains reports whether judgement j predicts outcome o. Unsupported is
// explained by the adapter's Supports; a panic or a timeout never is.
func Explains(j oracle.Judgement, o adapters.Outcome) bool {
	switch o.Verdict {
	case adapters.Unsupported:
		return true
	case adapters.Accept, adapters.Reject:
		return j.Allows(oracle.Verdict(o.Verdict))
	}
	return false
}
