package conformance

import (
	"context"
	"strings"
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
