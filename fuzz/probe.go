package fuzz

import (
	"context"
	"fmt"
	"runtime/metrics"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/resource"
)

// MaxInput bounds the bytes a robustness target feeds a library. The
// targets hunt for panics and hangs on small inputs, where the fuzzer is
// fast; how cost grows with size is measured apart, from 1 KB to 10 MB, by
// resource.MeasureResources, which a fuzzer could never reach by
// mutation in useful time.
const MaxInput = 64 << 10

// AllocSlack is the allocation every call may make whatever its size: the
// library's fixed cost, the harness's goroutine and timer, and the span
// granularity of the runtime's allocation counter.
const AllocSlack = 1 << 20

// AllocBound is the most one verification of an n-byte token may allocate
// before a robustness target reports an allocation blow-up: the per-byte
// bound of the resource grading, plus AllocSlack.
func AllocBound(n int) uint64 {
	return uint64(resource.AllocPerByteBound)*uint64(n) + AllocSlack
}

// Kinds of anomaly, as FuzzFinding.Kind spells them.
const (
	KindPanic       = "panic"
	KindTimeout     = "timeout"
	KindAlloc       = "alloc"
	KindUnexplained = "unexplained"
)

// Anomaly is something a fuzz input made one adapter do that fails a
// target: a panic, a timeout, an allocation past AllocBound, or an outcome
// the adapter's profile does not explain.
type Anomaly struct {
	// Kind is KindPanic, KindTimeout, KindAlloc or KindUnexplained.
	Kind string
	// Adapter is the adapter's name.
	Adapter string
	// Module is the library's module@version.
	Module string
	// Outcome is what the library did.
	Outcome adapters.Outcome
	// Detail says what went wrong, with what is needed to reproduce it.
	Detail string
	// Predicted is the profile's judgement, for a differential anomaly.
	Predicted oracle.Judgement
	// Bytes is the length of the token the library was given.
	Bytes int
	// Known is the known finding that covers the anomaly, if one does.
	Known *Known
}

// String renders the anomaly for a failure message.
func (a Anomaly) String() string {
	s := fmt.Sprintf("%s: %s (%s) gave %s", a.Kind, a.Adapter, a.Module, a.Outcome)
	if a.Outcome.Error != "" {
		s += fmt.Sprintf(": %q", a.Outcome.Error)
	}
	if a.Detail != "" {
		s += "\n" + a.Detail
	}
	if a.Outcome.Stack != "" {
		s += "\n" + a.Outcome.Stack
	}
	return s
}

// allocCounter reads the runtime's cumulative heap allocation, cheaply
// enough (a few hundred nanoseconds, with no stop of the world, unlike
// runtime.ReadMemStats) to bracket every call a fuzz target makes. It is
// process-wide and counts in whole spans, so the bound leaves AllocSlack.
type allocCounter struct{ s []metrics.Sample }

func newAllocCounter() *allocCounter {
	return &allocCounter{s: []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}}
}

func (c *allocCounter) read() uint64 {
	metrics.Read(c.s)
	if c.s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return c.s[0].Value.Uint64()
}

// Prober calls every subject on one token through the harness and reports
// the anomalies of robustness: panics, timeouts and allocation blow-ups.
type Prober struct {
	// Subjects are the adapters probed, with their profiles.
	Subjects []conformance.Subject
	// Timeout bounds each call; zero means harness.DefaultTimeout.
	Timeout time.Duration
	counter *allocCounter
}

// NewProber returns a prober over subjects.
func NewProber(subjects []conformance.Subject) *Prober {
	return &Prober{Subjects: subjects, counter: newAllocCounter()}
}

// call verifies token with one subject and returns the bytes allocated
// meanwhile.
func (p *Prober) call(ctx context.Context, s conformance.Subject, token string, opts adapters.Options) (adapters.Outcome, uint64) {
	before := p.counter.read()
	o := harness.Call(ctx, s.Adapter, token, opts, p.Timeout)
	return o, p.counter.read() - before
}

// Probe verifies token with every subject under opts and returns what went
// wrong, in subject order, each matched against the known findings of
// target.
func (p *Prober) Probe(ctx context.Context, target, token string, opts adapters.Options) []Anomaly {
	var out []Anomaly
	for _, s := range p.Subjects {
		o, alloc := p.call(ctx, s, token, opts)
		if alloc > AllocBound(len(token)) && o.Verdict != adapters.Panic && o.Verdict != adapters.Timeout {
			// The counter is process-wide, so other goroutines' work
			// (another test, the GC) can only add to it: the least of
			// three calls is the call's own cost.
			for range 2 {
				_, again := p.call(ctx, s, token, opts)
				alloc = min(alloc, again)
			}
		}
		a := Anomaly{Adapter: s.Adapter.Name(), Module: s.Adapter.Module().String(), Outcome: o, Bytes: len(token)}
		switch {
		case o.Verdict == adapters.Panic:
			a.Kind = KindPanic
		case o.Verdict == adapters.Timeout:
			a.Kind = KindTimeout
		case alloc > AllocBound(len(token)):
			a.Kind = KindAlloc
			a.Detail = fmt.Sprintf("allocated %d bytes on a %d-byte token, past the bound of %d (%d per byte + %d)",
				alloc, len(token), AllocBound(len(token)), resource.AllocPerByteBound, AllocSlack)
		default:
			continue
		}
		a.Known = MatchKnown(target, a, nil)
		out = append(out, a)
	}
	return out
}
