package conformance

import (
	"context"
	"testing"

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
			a := fakeAdapter{
				verify:   func(context.Context) adapters.Outcome { return tc.verdict },
				supports: map[adapters.Feature]bool{adapters.FeatureLeeway: true, adapters.FeatureRequireExp: true},
			}
			var broken []string
			for _, mh := range append(mustHolds, badSignature) {
				if msg, skipped := mh.check(a); skipped {
					t.Errorf("%s: skipped: %s", mh.name, msg)
				} else if msg != "" {
					broken = append(broken, mh.name)
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
