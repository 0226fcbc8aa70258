package fuzz

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
)

// maxClock bounds the fuzzed clock: seconds in [0, maxClock), beyond year
// 5000 and past the largest clock any vector uses.
const maxClock = 100_000_000_000

// Require bits of the differential target's flags argument.
const (
	flagSetLeeway  = 1 << 0
	flagRequireExp = 1 << 1
	flagRequireNbf = 1 << 2
	flagRequireIat = 1 << 3
)

// QueryFrom maps the differential target's raw arguments to a query: sec
// and nsec are the clock (folded into [0, maxClock) seconds and a valid
// nanosecond), leeway is in nanoseconds (its magnitude is used: a negative
// leeway means nothing to RFC 7519), and flags say whether the leeway is
// passed and which claims are required.
func QueryFrom(sec int64, nsec uint32, leeway int64, flags uint32) oracle.Query {
	sec %= maxClock
	if sec < 0 {
		sec = -sec
	}
	if leeway < 0 {
		leeway = -leeway
		if leeway < 0 { // math.MinInt64
			leeway = 1<<63 - 1
		}
	}
	c := oracle.Query{Now: time.Unix(sec, int64(nsec%1e9)).UTC()}
	if flags&flagSetLeeway != 0 {
		c.SetLeeway, c.Leeway = true, time.Duration(leeway)
	}
	for _, r := range []struct {
		bit   uint32
		claim adapters.Claim
	}{{flagRequireExp, adapters.Exp}, {flagRequireNbf, adapters.Nbf}, {flagRequireIat, adapters.Iat}} {
		if flags&r.bit != 0 {
			c.Require = append(c.Require, r.claim)
		}
	}
	return c
}

// ArgsFrom is the inverse of QueryFrom, for seeding the corpus.
func ArgsFrom(c oracle.Query) (sec int64, nsec uint32, leeway int64, flags uint32) {
	if c.SetLeeway {
		flags |= flagSetLeeway
		leeway = int64(c.Leeway)
	}
	for _, r := range c.Require {
		switch r {
		case adapters.Exp:
			flags |= flagRequireExp
		case adapters.Nbf:
			flags |= flagRequireNbf
		case adapters.Iat:
			flags |= flagRequireIat
		}
	}
	return c.Now.Unix(), uint32(c.Now.Nanosecond()), leeway, flags
}

// Differential runs one claims set through every subject and checks each
// outcome against the subject's profile: the check the vectors make,
// everywhere else.
type Differential struct {
	// Subjects are the adapters, each with the profile it is judged by.
	Subjects []conformance.Subject
	// Timeout bounds each call; zero means harness.DefaultTimeout.
	Timeout time.Duration
}

// Compare signs payload with each subject's conformance.SigningAlg,
// verifies it with every subject under c, and returns every outcome the subject's profile does not
// explain (a panic and a timeout never are), each matched against the
// known findings of target. An error means a profile is broken.
//
// The six calls are one harness.Batch on one goroutine, which also makes
// the predictions: one hand-off per comparison, not per call, and the Predictor
// is never shared between goroutines.
func (d Differential) Compare(ctx context.Context, target string, payload []byte, c oracle.Query) ([]Anomaly, error) {
	cmp := &comparison{d: d, ctx: ctx, target: target, payload: payload, c: c,
		ps: payloadSigner{payload: payload}, pr: conformance.NewPredictor(payload)} // one parse for every profile
	if n := len(d.Subjects); n <= len(cmp.small) {
		cmp.results = cmp.small[:n]
	} else {
		cmp.results = make([]checked, n)
	}
	harness.Batch(len(d.Subjects), 1, d.Timeout, cmp.item)
	var out []Anomaly
	for _, r := range cmp.results {
		if r.err != nil {
			return nil, r.err
		}
		if r.a != nil {
			out = append(out, *r.a)
		}
	}
	return out, nil
}

// comparison is one Compare's state, in one allocation: the batch's items
// share it.
type comparison struct {
	d       Differential
	ctx     context.Context
	target  string
	payload []byte
	c       oracle.Query
	ps      payloadSigner
	pr      *conformance.Predictor
	results []checked
	small   [8]checked // results' storage for up to eight subjects
}

// checked is the result of check for one subject.
type checked struct {
	a   *Anomaly
	err error
}

// item is the batch item for subject i.
func (cmp *comparison) item(cl *harness.Caller, i int) {
	a, err := cmp.d.check(cmp.ctx, cl, cmp.pr, &cmp.ps, cmp.d.Subjects[i], cmp.target, cmp.payload, cmp.c)
	cmp.results[i] = checked{a, err}
}

// check is Check for one subject: nil when its profile explains the outcome.
func (d Differential) check(ctx context.Context, cl *harness.Caller, pr *conformance.Predictor, ps *payloadSigner, s conformance.Subject, target string, payload []byte, c oracle.Query) (*Anomaly, error) {
	token, key, err := ps.sign(s.Adapter)
	if err != nil {
		return nil, nil // unsupported: no harness key for the adapter's algorithms
	}
	o := cl.Call(ctx, s.Adapter, token, conformance.OptionsFor(c, key))
	if o.Verdict == adapters.Unsupported {
		return nil, nil
	}
	predicted, err := pr.Predict(s.Profile, c)
	if err != nil {
		return nil, fmt.Errorf("fuzz: profile of %s: %w", s.Adapter.Name(), err)
	}
	if conformance.Explains(predicted, o) {
		return nil, nil
	}
	a := Anomaly{
		Kind:      KindUnexplained,
		Adapter:   s.Adapter.Name(),
		Module:    s.Adapter.Module().String(),
		Outcome:   o,
		Predicted: predicted,
		Detail:    describe(payload, c, token, predicted, oracle.Judge(payload, c.RFC())),
	}
	switch o.Verdict {
	case adapters.Panic:
		a.Kind = KindPanic
	case adapters.Timeout:
		a.Kind = KindTimeout
	}
	a.Known = MatchKnown(target, a, payload)
	return &a, nil
}

// describe names everything needed to reproduce a differential input.
func describe(payload []byte, c oracle.Query, token string, profile, rfc oracle.Judgement) string {
	lw := "library default"
	if c.SetLeeway {
		lw = c.Leeway.String()
	}
	return fmt.Sprintf("payload: %s\nnow: %s  leeway: %s  require: %v\ntoken: %s\nprofile predicts %s (%s)\nRFC: %s (%s)",
		Quote(payload), decimalSeconds(c.Now), lw, c.Require, token,
		profile.Verdict, strings.Join(profile.Reasons, "; "), rfc.Verdict, strings.Join(rfc.Reasons, "; "))
}

// decimalSeconds renders t as the vectors write a clock: decimal seconds
// with up to nine fractional digits.
func decimalSeconds(t time.Time) string {
	s := fmt.Sprintf("%d", t.Unix())
	if ns := t.Nanosecond(); ns != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%09d", ns), "0")
	}
	return s
}
