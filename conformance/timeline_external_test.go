package conformance_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

// secondsAdapter is a verifier with a whole-second clock, exp inclusive
// and a built-in leeway of one minute when none is set: the shape of
// go-jose's Validate, to check that the sweep finds each of those.
type secondsAdapter struct{}

func (secondsAdapter) Name() string { return "example/seconds" }
func (secondsAdapter) Module() adapters.Module {
	return adapters.Module{Path: "example", Version: "v0.0.0"}
}
func (secondsAdapter) Supports(f adapters.Feature) bool { return f == adapters.FeatureLeeway }

func (secondsAdapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	payload, rejected := adaptertest.HS256Payload(token, opts)
	if rejected != nil {
		return *rejected
	}
	var c struct{ Exp, Nbf int64 }
	if err := json.Unmarshal(payload, &c); err != nil {
		return adapters.Rejected(adapters.MalformedToken, err)
	}
	leeway := time.Minute
	if opts.SetLeeway {
		leeway = opts.Leeway
	}
	now := opts.Now.Unix()
	lw := int64(leeway / time.Second)
	if now > c.Exp+lw {
		return adapters.Rejected(adapters.Expired, errors.New("expired"))
	}
	if now < c.Nbf-lw {
		return adapters.Rejected(adapters.NotYetValid, errors.New("not yet valid"))
	}
	return adapters.Accepted()
}

// spans writes intervals in interval notation, for compact comparisons.
func spans(ivs []conformance.Interval) string {
	var parts []string
	for _, iv := range ivs {
		l, r := "(", ")"
		if iv.FromInclusive {
			l = "["
		}
		if iv.ToInclusive {
			r = "]"
		}
		parts = append(parts, l+iv.From+", "+iv.To+r)
	}
	if parts == nil {
		return "none"
	}
	return strings.Join(parts, " ")
}

func TestMeasureTimelines(t *testing.T) {
	subjects := []conformance.Subject{
		{Adapter: stdlibAdapter{}, Profile: stdlibProfile},
		{Adapter: secondsAdapter{}, Profile: conformance.Profile{Schema: conformance.ProfileSchema, Adapter: "example/seconds"}},
	}
	ts, err := conformance.MeasureTimelines(context.Background(), subjects, 0)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ accepted, rfc, resolution string }
	want := map[string]row{
		// The exact verifier accepts exactly what the RFC does.
		"example/stdlib leeway-0s": {"[1700000000, 1700000060)", "[1700000000, 1700000060)", "1ns"},
		"example/stdlib leeway-5s": {"[1699999995, 1700000065)", "[1699999995, 1700000065)", "1ns"},
		"example/stdlib defaults":  {"[1700000000, 1700000060)", "[1700000000, 1700000060)", "1ns"},
		// Whole seconds, exp inclusive, a minute by default.
		"example/seconds leeway-0s": {"[1700000000, 1700000060]", "[1700000000, 1700000060)", "1s"},
		"example/seconds leeway-5s": {"[1699999995, 1700000065]", "[1699999995, 1700000065)", "1s"},
		"example/seconds defaults":  {"[1699999940, 1700000120]", "[1700000000, 1700000060)", "1s"},
	}
	if len(ts) != len(want) {
		t.Fatalf("got %d timelines, want %d", len(ts), len(want))
	}
	for i, tl := range ts {
		key := tl.Adapter + " " + tl.Setting
		t.Run(key, func(t *testing.T) {
			w, ok := want[key]
			if !ok {
				t.Fatalf("unexpected timeline %s", key)
			}
			if wantAdapter := []string{"example/seconds", "example/stdlib"}[i/3]; tl.Adapter != wantAdapter {
				t.Errorf("timeline %d is of %s, want %s: not sorted by adapter", i, tl.Adapter, wantAdapter)
			}
			if wantSetting := conformance.TimelineSettings[i%3].Name; tl.Setting != wantSetting {
				t.Errorf("timeline %d is of setting %s, want %s: not sorted by setting", i, tl.Setting, wantSetting)
			}
			got := row{spans(tl.Accepted), spans(tl.RFC), tl.Resolution}
			if got != w {
				t.Errorf("mismatch (-want +got):\n-\t%+v\n+\t%+v", w, got)
			}
			if tl.Unsupported != "" {
				t.Errorf("unsupported: %s", tl.Unsupported)
			}
			if tl.Adapter == "example/stdlib" && !tl.Explained {
				t.Errorf("the exact verifier's timeline is unexplained by its profile")
			}
			if tl.Adapter == "example/seconds" && tl.Explained {
				t.Errorf("the seconds verifier's timeline is explained by an empty profile")
			}
			for j := 1; j < len(tl.Points); j++ {
				a, _ := vectors.ParseTime(tl.Points[j-1].Now)
				b, _ := vectors.ParseTime(tl.Points[j].Now)
				if !a.Before(b) {
					t.Fatalf("points not in order at %d: %s, %s", j, tl.Points[j-1].Now, tl.Points[j].Now)
				}
			}
		})
	}
}

// TestMeasureTimelinesUnsupported: a setting the adapter cannot express is
// reported as such, with no call made.
func TestMeasureTimelinesUnsupported(t *testing.T) {
	s := conformance.Subject{Adapter: noLeewayAdapter{}, Profile: conformance.Profile{Schema: conformance.ProfileSchema, Adapter: "example/no-leeway"}}
	ts, err := conformance.MeasureTimelines(context.Background(), []conformance.Subject{s}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tl := range ts {
		got = append(got, fmt.Sprintf("%s %q %d", tl.Setting, tl.Unsupported, len(tl.Points)))
	}
	want := []string{
		`leeway-0s "adapter cannot express leeway" 0`,
		`leeway-5s "adapter cannot express leeway" 0`,
		`defaults "" 241`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mismatch (-want +got):\n-\t%q\n+\t%q", want, got)
	}
}

// noLeewayAdapter accepts every token and can express no option.
type noLeewayAdapter struct{}

func (noLeewayAdapter) Name() string { return "example/no-leeway" }
func (noLeewayAdapter) Module() adapters.Module {
	return adapters.Module{Path: "example", Version: "v0.0.0"}
}
func (noLeewayAdapter) Supports(adapters.Feature) bool { return false }
func (noLeewayAdapter) Verify(context.Context, string, adapters.Options) adapters.Outcome {
	return adapters.Accepted()
}

// TestBuiltinTimelines: every built-in adapter's timeline is what its
// profile predicts at every clock value measured.
func TestBuiltinTimelines(t *testing.T) {
	subjects, err := conformance.Subjects(builtinAdapters())
	if err != nil {
		t.Fatal(err)
	}
	ts, err := conformance.MeasureTimelines(context.Background(), subjects, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The sweep injects its clocks, so a second run measures the same.
	again, err := conformance.MeasureTimelines(context.Background(), subjects, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ts, again) {
		t.Errorf("two sweeps of the built-in adapters differ")
	}
	for _, tl := range ts {
		t.Run(tl.Adapter+"/"+tl.Setting, func(t *testing.T) {
			t.Logf("accepted %s; RFC %s; resolution %s; %d points %s", spans(tl.Accepted), spans(tl.RFC), tl.Resolution, len(tl.Points), tl.Unsupported)
			if !tl.Explained {
				t.Errorf("%s %s: accepted %s, not what the profile predicts", tl.Adapter, tl.Setting, spans(tl.Accepted))
			}
		})
	}
}
