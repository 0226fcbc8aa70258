package conformance

import (
	"context"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
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
			a := adaptertest.Func{
				Answer:   func(context.Context) adapters.Outcome { return tc.verdict },
				Features: map[adapters.Feature]bool{adapters.FeatureLeeway: true, adapters.FeatureRequireExp: true},
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
