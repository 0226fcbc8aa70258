package harness

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// fakeAdapter is an adapter whose Verify is a function, for harness tests.
type fakeAdapter struct {
	verify   func(ctx context.Context) adapters.Outcome
	supports map[adapters.Feature]bool
}

func (fakeAdapter) Name() string                       { return "fake" }
func (fakeAdapter) Module() adapters.Module            { return adapters.Module{Path: "fake", Version: "v0"} }
func (f fakeAdapter) Supports(x adapters.Feature) bool { return f.supports[x] }
func (f fakeAdapter) Verify(ctx context.Context, _ string, _ adapters.Options) adapters.Outcome {
	return f.verify(ctx)
}

func TestCallRecoversPanic(t *testing.T) {
	a := fakeAdapter{verify: func(context.Context) adapters.Outcome { panic("boom") }}
	o := Call(context.Background(), a, "t", adapters.Options{}, time.Second)
	if o.Verdict != adapters.Panic || o.Error != "boom" || !strings.Contains(o.Stack, "harness_test.go") {
		t.Errorf("Call with a panicking adapter = %+v, want a panic outcome with the stack", o)
	}
}

func TestCallBoundsTime(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	a := fakeAdapter{verify: func(context.Context) adapters.Outcome { <-release; return adapters.Accepted() }}
	o := Call(context.Background(), a, "t", adapters.Options{}, time.Millisecond)
	if o.Verdict != adapters.Timeout {
		t.Errorf("Call with a hanging adapter = %+v, want timeout", o)
	}
}

func TestCallUnsupported(t *testing.T) {
	called := false
	a := fakeAdapter{verify: func(context.Context) adapters.Outcome { called = true; return adapters.Accepted() }}
	for _, tc := range []struct {
		opts   adapters.Options
		reason string
	}{
		{adapters.Options{SetLeeway: true}, "a leeway"},
		{adapters.Options{Now: time.Unix(1, 5)}, "a sub-second clock"},
		{adapters.Options{Require: []adapters.Claim{adapters.Nbf}}, "a required nbf"},
	} {
		o := Call(context.Background(), a, "t", tc.opts, time.Second)
		if o.Verdict != adapters.Unsupported || called {
			t.Errorf("%s the adapter cannot express: got %+v (called=%t), want unsupported without a call", tc.reason, o, called)
		}
	}
}

// batchOutcomes runs one call per adapter as one Batch on one goroutine and
// returns the outcomes in order.
func batchOutcomes(as []adapters.Adapter, timeout time.Duration) []adapters.Outcome {
	out := make([]adapters.Outcome, len(as))
	Batch(len(as), 1, timeout, func(c *Caller, i int) {
		out[i] = c.Call(context.Background(), as[i], "t", adapters.Options{})
	})
	return out
}

func TestBatchTimeoutDoesNotStopLaterCalls(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	fine := fakeAdapter{verify: func(context.Context) adapters.Outcome { return adapters.Accepted() }}
	hang := fakeAdapter{verify: func(context.Context) adapters.Outcome { <-release; return adapters.Accepted() }}
	got := batchOutcomes([]adapters.Adapter{fine, hang, fine, hang, fine}, 50*time.Millisecond)
	want := []adapters.Verdict{adapters.Accept, adapters.Timeout, adapters.Accept, adapters.Timeout, adapters.Accept}
	for i, o := range got {
		if o.Verdict != want[i] {
			t.Errorf("call %d of a batch with hanging calls = %+v, want %s", i, o, want[i])
		}
	}
}

func TestBatchReplaysAnItemsEarlierCalls(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	var (
		mu    sync.Mutex // the stuck call's write is ordered by nothing else
		calls []string
	)
	called := func(name string) { mu.Lock(); calls = append(calls, name); mu.Unlock() }
	fine := fakeAdapter{verify: func(context.Context) adapters.Outcome {
		called("fine")
		return adapters.Outcome{Verdict: adapters.Reject, Error: "no"}
	}}
	hang := fakeAdapter{verify: func(context.Context) adapters.Outcome { called("hang"); <-release; return adapters.Accepted() }}
	var first, second adapters.Outcome
	Batch(1, 1, 50*time.Millisecond, func(c *Caller, _ int) {
		first = c.Call(context.Background(), fine, "t", adapters.Options{})
		second = c.Call(context.Background(), hang, "t", adapters.Options{})
	})
	if first.Verdict != adapters.Reject || second.Verdict != adapters.Timeout {
		t.Errorf("an item whose second call hangs saw %+v then %+v, want reject then timeout", first, second)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"fine", "hang"}; !slices.Equal(calls, want) {
		t.Errorf("the adapters were called %v, want %v: the replacement must replay the first call, not repeat it", calls, want)
	}
}

func TestBatchPanicDoesNotAffectNext(t *testing.T) {
	boom := fakeAdapter{verify: func(context.Context) adapters.Outcome { panic("boom") }}
	fine := fakeAdapter{verify: func(context.Context) adapters.Outcome { return adapters.Accepted() }}
	got := batchOutcomes([]adapters.Adapter{boom, fine, boom, fine}, time.Second)
	for i, o := range got {
		if i%2 == 0 && (o.Verdict != adapters.Panic || !strings.Contains(o.Stack, "harness_test.go")) {
			t.Errorf("call %d = %+v, want a panic outcome with the stack", i, o)
		}
		if i%2 == 1 && (o.Verdict != adapters.Accept || o.Stack != "") {
			t.Errorf("call %d, after a panic = %+v, want accept", i, o)
		}
	}
}

// globalFake is a fake adapter whose state is a package variable.
type globalFake struct {
	fakeAdapter
	key string
}

func (g globalFake) GlobalState() string { return g.key }

// fakeClock is the package variable the global fakes set, as golang-jwt v4
// sets jwt.TimeFunc.
var fakeClock int

func TestGlobalStateSerialised(t *testing.T) {
	// Two adapters set the same variable and read it back; under -race an
	// unserialised harness is a data race, and without it a lost write.
	setter := func(v int) globalFake {
		return globalFake{key: "conformance.fakeClock", fakeAdapter: fakeAdapter{verify: func(context.Context) adapters.Outcome {
			fakeClock = v
			runtime.Gosched() // give another call the chance to interleave
			if fakeClock != v {
				return adapters.Outcome{Verdict: adapters.Reject, Error: "the clock changed during the call"}
			}
			return adapters.Accepted()
		}}}
	}
	as := []adapters.Adapter{setter(1), setter(2)}
	got := make([]adapters.Outcome, 200)
	Batch(len(got), 4, time.Minute, func(c *Caller, i int) {
		got[i] = c.Call(context.Background(), as[i%2], "t", adapters.Options{})
	})
	for i, o := range got {
		if o.Verdict != adapters.Accept {
			t.Fatalf("call %d on shared package state = %+v, want accept", i, o)
		}
	}
}

func TestGlobalStateLockOutlivesTimeout(t *testing.T) {
	// A stuck call keeps its key's lock, so the next call on the key waits
	// and times out within its own bound; a call on another key goes on.
	release := make(chan struct{})
	defer close(release)
	hang := globalFake{key: "conformance.stuck", fakeAdapter: fakeAdapter{verify: func(context.Context) adapters.Outcome { <-release; return adapters.Accepted() }}}
	same := globalFake{key: "conformance.stuck", fakeAdapter: fakeAdapter{verify: func(context.Context) adapters.Outcome { return adapters.Accepted() }}}
	other := globalFake{key: "conformance.other", fakeAdapter: same.fakeAdapter}
	got := batchOutcomes([]adapters.Adapter{hang, same, other}, 50*time.Millisecond)
	want := []adapters.Verdict{adapters.Timeout, adapters.Timeout, adapters.Accept}
	for i, o := range got {
		if o.Verdict != want[i] {
			t.Errorf("call %d = %+v, want %s", i, o, want[i])
		}
	}
}

func TestStartRunsItemsWhileTheCallerWorks(t *testing.T) {
	// The caller's own work outlasts the bound: the watchdog, which starts
	// in Wait, must still answer the stuck call with Timeout and the other
	// items with their outcomes.
	release := make(chan struct{})
	defer close(release)
	fine := fakeAdapter{verify: func(context.Context) adapters.Outcome { return adapters.Accepted() }}
	hang := fakeAdapter{verify: func(context.Context) adapters.Outcome { <-release; return adapters.Accepted() }}
	as := []adapters.Adapter{fine, hang, fine}
	got := make([]adapters.Outcome, len(as))
	r := Start(len(as), 1, 20*time.Millisecond, func(c *Caller, i int) {
		got[i] = c.Call(context.Background(), as[i], "t", adapters.Options{})
	})
	time.Sleep(50 * time.Millisecond) // the caller's own work
	r.Wait()
	want := []adapters.Verdict{adapters.Accept, adapters.Timeout, adapters.Accept}
	for i, o := range got {
		if o.Verdict != want[i] {
			t.Errorf("item %d after Start and Wait = %+v, want %s", i, o, want[i])
		}
	}
}

func TestStartOfNothing(t *testing.T) {
	r := Start(0, 1, time.Second, func(*Caller, int) { t.Error("an item ran in a batch of none") })
	r.Wait() // a nil Running has nothing to wait for
}
