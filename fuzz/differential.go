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
// The library calls are one harness.Batch: one hand-off per comparison,
// not per call, and the calls run back to back as they would without the
// harness. The calling goroutine signs before the batch (once per
// algorithm) and predicts while it runs, from one parse shared by every
// profile: a prediction depends on the payload and the query alone, so on
// a second processor it costs the comparison no wall time, and the
// Predictor is never shared between goroutines.
func (d Differential) Compare(ctx context.Context, target string, payload []byte, c oracle.Query) ([]Anomaly, error) {
	cmp := &comparison{ctx: ctx, subjects: d.Subjects}
	if n := len(d.Subjects); n <= len(cmp.small) {
		cmp.calls = cmp.small[:n]
	} else {
		cmp.calls = make([]call, n)
	}
	ps := payloadSigner{payload: payload}
	for i, s := range d.Subjects {
		token, key, err := ps.sign(s.Adapter)
		// An error means no harness key for the adapter's algorithms:
		// unsupported, so there is no call.
		cmp.calls[i] = call{token: token, opts: conformance.OptionsFor(c, key), signed: err == nil}
	}
	running := harness.Start(len(d.Subjects), 1, d.Timeout, cmp.item)
	pr := conformance.NewPredictor(payload) // one parse for every profile
	for i, s := range d.Subjects {
		k := &cmp.calls[i]
		if !k.signed {
			continue
		}
		if _, lacks := adapters.Lacks(s.Adapter, k.opts); lacks {
			continue // no call, so nothing to explain
		}
		k.predicted, k.err = pr.Predict(s.Profile, c)
	}
	running.Wait()
	var out []Anomaly
	for i, s := range d.Subjects {
		a, err := judge(s, &cmp.calls[i], target, payload, c)
		if err != nil {
			return nil, err
		}
		if a != nil {
			out = append(out, *a)
		}
	}
	return out, nil
}

// comparison is the state one Compare shares with its batch's items, in
// one allocation.
type comparison struct {
	ctx      context.Context
	subjects []conformance.Subject
	calls    []call
	small    [8]call // calls' storage for up to eight subjects
}

// call is one subject's library call: the token signed for it and the
// options, with the key that verifies it (signed is false when the harness
// cannot sign for it); the profile's prediction (or why it failed), made
// by Compare's goroutine; and the outcome, written by the batch item.
type call struct {
	token     string
	opts      adapters.Options
	signed    bool
	predicted oracle.Judgement
	err       error
	outcome   adapters.Outcome
}

// item is the batch item for subject i: its library call alone.
func (cmp *comparison) item(cl *harness.Caller, i int) {
	if k := &cmp.calls[i]; k.signed {
		k.outcome = cl.Call(cmp.ctx, cmp.subjects[i].Adapter, k.token, k.opts)
	}
}

// judge checks subject s's outcome against its profile's prediction: nil
// when the profile explains it, an error when the profile could not
// predict an outcome that needs explaining.
func judge(s conformance.Subject, k *call, target string, payload []byte, c oracle.Query) (*Anomaly, error) {
	o := k.outcome
	if !k.signed || o.Verdict == adapters.Unsupported {
		return nil, nil
	}
	if k.err != nil {
		return nil, fmt.Errorf("fuzz: profile of %s: %w", s.Adapter.Name(), k.err)
	}
	if conformance.Explains(k.predicted, o) {
		return nil, nil
	}
	a := Anomaly{
		Kind:      KindUnexplained,
		Adapter:   s.Adapter.Name(),
		Module:    s.Adapter.Module().String(),
		Outcome:   o,
		Predicted: k.predicted,
		Detail:    describe(payload, c, k.token, k.predicted, oracle.Judge(payload, c.RFC())),
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
