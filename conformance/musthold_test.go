package conformance

import (
	"context"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// TestMustHoldCatchesBrokenAdapters shows the must-hold checks can fail:
// an adapter that accepts everything and one that rejects everything each
// break some of them, whatever their profiles say.
func TestMustHoldCatchesBrokenAdapters(t *testing.T) {
	for _, tc := range []struct {
		name    string
		verdict adapters.Outcome
		broken  []string
	}{
		{"accepts everything", adapters.Accepted(),
			[]string{"expired-by-a-second", "expired-by-an-hour-by-default", "not-before-in-a-second", "not-before-in-an-hour-by-default", "required-exp-missing", "bad-signature"}},
		{"rejects everything", adapters.Rejected(adapters.Other, nil),
			[]string{"valid-window", "valid-window-by-default"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := fixedAdapter{
				verify:   func(context.Context) adapters.Outcome { return tc.verdict },
				supports: map[adapters.Feature]bool{adapters.FeatureLeeway: true, adapters.FeatureRequireExp: true},
			}
			var broken []string
			for _, mh := range MustHolds() {
				if msg, skipped := mh.Check(a, time.Second); skipped {
					t.Errorf("%s: skipped: %s", mh.Name(), msg)
				} else if msg != "" {
					broken = append(broken, mh.Name())
				}
			}
			if len(broken) != len(tc.broken) {
				t.Fatalf("broken checks = %v, want %v", broken, tc.broken)
			}
			for i := range broken {
				if broken[i] != tc.broken[i] {
					t.Errorf("broken checks = %v, want %v", broken, tc.broken)
				}
			}
		})
	}
}

// fixedAdapter is an adapter whose Verify is a function.
type fixedAdapter struct {
	verify   func(ctx context.Context) adapters.Outcome
	supports map[adapters.Feature]bool
}

func (fixedAdapter) Name() string                       { return "fixed" }
func (fixedAdapter) Module() adapters.Module            { return adapters.Module{Path: "fixed", Version: "v0"} }
func (f fixedAdapter) Supports(x adapters.Feature) bool { return f.supports[x] }
func (f fixedAdapter) Verify(ctx context.Context, _ string, _ adapters.Options) adapters.Outcome {
	return f.verify(ctx)
}
