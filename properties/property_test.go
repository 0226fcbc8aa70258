package properties

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
)

// judgeAdapter is an adapter whose verdict is a profile's prediction: with
// the pure oracle's profile it is the RFC itself, so every law must hold on
// it. It trusts every signature.
type judgeAdapter struct {
	name    string
	profile conformance.Profile
}

func (a judgeAdapter) Name() string                   { return a.name }
func (judgeAdapter) Module() adapters.Module          { return adapters.Module{Path: "judge", Version: "v0"} }
func (judgeAdapter) Supports(f adapters.Feature) bool { return true }

// Algorithms implements adapters.AlgorithmLister: trusting every signature,
// the judge verifies every harness algorithm.
func (judgeAdapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256", "EdDSA"} }
func (a judgeAdapter) Verify(_ context.Context, token string, o adapters.Options) adapters.Outcome {
	parts := strings.Split(token, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return adapters.Rejected(adapters.MalformedToken, err)
	}
	j, err := a.profile.Predict(payload, oracle.Query{Now: o.Now, Leeway: o.Leeway, SetLeeway: o.SetLeeway, Require: o.Require,
		MaxAge: o.MaxAge, MaxLifetime: o.MaxLifetime})
	if err != nil {
		panic(err)
	}
	if j.Verdict == oracle.Reject {
		return adapters.Rejected(j.Classes[0], nil)
	}
	return adapters.Accepted()
}

func judge(name string, devs ...string) conformance.Subject {
	p := conformance.Profile{Schema: conformance.ProfileSchema, Adapter: name}
	for _, d := range devs {
		p.Deviations = append(p.Deviations, conformance.DeviationRef{ID: d, Reason: "test"})
	}
	return conformance.Subject{Adapter: judgeAdapter{name: name, profile: p}, Profile: p}
}

// TestOracleSatisfiesEveryLaw runs every property on the oracle itself, in
// both modes and with every registered minter: a law that fails there is a
// wrong law, not a finding. The libraries' minters round the instants they
// are asked for; the laws judge what a minted token carries, so the
// rounding never makes the oracle fail.
func TestOracleSatisfiesEveryLaw(t *testing.T) {
	s := judge("judge/oracle")
	o := PropertyOptions{Minters: all.Minters()}
	if len(o.Minters) == 0 {
		t.Fatal("no minter is registered: the issuance laws would go unchecked")
	}
	for _, p := range Properties() {
		for _, m := range conformance.Modes {
			t.Run(p.Name+"/"+string(m), func(t *testing.T) {
				o := o
				o.Mode = m
				r := checkProperty(context.Background(), p, s, o)
				if why := p.Unsupported(s, o); why != "" {
					t.Skip(why) // leeway-monotone in the defaults mode
				}
				if r.Status != conformance.Holds || !r.Explained {
					t.Errorf("%s [%s] on the oracle: %s, explained %t\n%v", p.Name, m, r.Status, r.Explained, r.Counterexample)
				}
			})
		}
	}
}

// TestPropertyModes checks what each mode passes to the library: the
// explicit mode a leeway, the defaults mode none, and that an adapter that
// cannot express a leeway gets its explicit result in the defaults mode.
func TestPropertyModes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		mode   conformance.Mode
		leeway bool
		want   bool
	}{
		{"", true, true}, {conformance.Explicit, true, true}, {conformance.Defaults, true, false},
		{conformance.Explicit, false, false}, {conformance.Defaults, false, false},
	} {
		s := judge("judge/modes")
		if !tc.leeway {
			s.Adapter = noLeeway{s.Adapter}
		}
		if got := explicitIn(s, PropertyOptions{Mode: tc.mode}); got != tc.want {
			t.Errorf("explicitIn(mode %q, leeway %t) = %t, want %t", tc.mode, tc.leeway, got, tc.want)
		}
	}
	if conformance.PropertyKey("window-interval", conformance.Explicit) != "window-interval" || conformance.PropertyKey("window-interval", conformance.Defaults) != "window-interval defaults" {
		t.Errorf("PropertyKey = %q, %q", conformance.PropertyKey("window-interval", conformance.Explicit), conformance.PropertyKey("window-interval", conformance.Defaults))
	}
	for _, m := range conformance.Modes {
		if name, got := conformance.ParsePropertyKey(conformance.PropertyKey("issuance", m)); name != "issuance" || got != m {
			t.Errorf("conformance.ParsePropertyKey(conformance.PropertyKey(issuance, %s)) = %s, %s", m, name, got)
		}
	}
}

// TestDefaultsModeSeesDefaultLeeway checks a built-in default leeway,
// invisible to the explicit mode, fails exp-boundary in the defaults mode,
// explained by the profile that declares it.
func TestDefaultsModeSeesDefaultLeeway(t *testing.T) {
	s := judge("judge/default-leeway-1m", "default-leeway-1m")
	p, _ := LookupProperty("exp-boundary")
	if r := checkProperty(context.Background(), p, s, PropertyOptions{Mode: conformance.Explicit}); r.Status != conformance.Holds || !r.Explained {
		t.Errorf("explicit: %s, explained %t, want holds: the explicit mode passes its own leeway", r.Status, r.Explained)
	}
	r := checkProperty(context.Background(), p, s, PropertyOptions{Mode: conformance.Defaults})
	// A minute of leeway is within what RFC 7519 4.1.4 permits: a policy.
	if r.Status != conformance.Fails || !r.Explained || r.Severity != conformance.Policy || r.Mode != conformance.Defaults {
		t.Errorf("defaults: %+v, want an explained policy failure in the defaults mode", r)
	}
	if r.Counterexample != nil && r.Counterexample.Leeway != "" {
		t.Errorf("defaults counterexample %+v passes a leeway", r.Counterexample)
	}
}

// TestPropertyCapturesDeviation checks a failing law is captured, shrunk,
// explained by the deviation that causes it, and byte-stable across runs,
// without failing the calling test.
func TestPropertyCapturesDeviation(t *testing.T) {
	s := judge("judge/exp-inclusive", "exp-inclusive")
	p, _ := LookupProperty("exp-boundary")
	r1 := checkProperty(context.Background(), p, s, PropertyOptions{})
	r2 := checkProperty(context.Background(), p, s, PropertyOptions{})
	// Accepting at exp is within the leeway RFC 7519 4.1.4 permits: a policy.
	if r1.Status != conformance.Fails || !r1.Explained || r1.Severity != conformance.Policy {
		t.Fatalf("exp-boundary on an exp-inclusive judge = %+v, want an explained policy failure", r1)
	}
	cx := r1.Counterexample
	if !strings.HasPrefix(cx.Payload, `{"exp":`) || cx.Now == "" || cx.Leeway == "" {
		t.Errorf("counterexample %+v lacks a payload, clock or leeway", cx)
	}
	if !r1.Record().Equal(r2.Record()) || r1.Counterexample.Detail != r2.Counterexample.Detail {
		t.Errorf("two runs differ:\n%s\n%s", r1.Record(), r2.Record())
	}
	if t.Failed() {
		t.Fatal("the captured failure leaked into the test")
	}
}

// TestPropertyUnexplained checks a library that departs from its profile
// is reported unexplained, with the fidelity counterexample.
func TestPropertyUnexplained(t *testing.T) {
	lib := judge("judge/default-leeway", "default-leeway-1m")
	s := conformance.Subject{Adapter: lib.Adapter, Profile: conformance.Profile{Schema: conformance.ProfileSchema, Adapter: "judge/default-leeway"}}
	s.Adapter = noLeeway{s.Adapter}
	p, _ := LookupProperty("exp-boundary")
	r := checkProperty(context.Background(), p, s, PropertyOptions{})
	if r.Explained || r.Counterexample == nil || !strings.Contains(r.Counterexample.Detail, "unexplained") {
		t.Fatalf("exp-boundary with an undeclared default leeway = %+v, want unexplained", r)
	}
}

// noLeeway hides an adapter's leeway option, so properties run it in the
// defaults mode.
type noLeeway struct{ adapters.Adapter }

func (n noLeeway) Supports(f adapters.Feature) bool {
	return f != adapters.FeatureLeeway && n.Adapter.Supports(f)
}

// TestPropertiesDocumented checks each property names its clause and law.
func TestPropertiesDocumented(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, p := range Properties() {
		if p.Name == "" || !strings.HasPrefix(p.Clause, "RFC ") || p.Law == "" || p.body == nil {
			t.Errorf("property %+v lacks a name, an RFC clause, a law or a body", p)
		}
		if seen[p.Name] {
			t.Errorf("property %s listed twice", p.Name)
		}
		seen[p.Name] = true
	}
}

// TestReplayRecordedCounterexample checks that a failing law records the
// choices of its shrunk case, that a run given them reproduces the same
// result from that case alone, and that a replay which no longer fails, or
// cannot be read, falls back to the full check with the same result.
func TestReplayRecordedCounterexample(t *testing.T) {
	s := judge("judge/exp-inclusive-replay", "exp-inclusive")
	p, _ := LookupProperty("exp-boundary")
	first := checkProperty(context.Background(), p, s, PropertyOptions{})
	if first.Status != conformance.Fails || first.Counterexample == nil || first.Counterexample.Replay == "" {
		t.Fatalf("exp-boundary on an exp-inclusive judge = %+v, want a failure with a replay", first)
	}
	for _, tc := range []struct {
		name, replay, detail string
	}{
		{"the recorded case", first.Counterexample.Replay, "replayed from the record"},
		{"unreadable", "not a fail file", "replay with the record"},
		{"a replay with no choices", strings.SplitN(first.Counterexample.Replay, " ", 2)[0], "replay with the record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := checkProperty(context.Background(), p, s, PropertyOptions{Replay: tc.replay})
			if !r.Record().Equal(first.Record()) {
				t.Errorf("replayed result %s, want %s", r.Record(), first.Record())
			}
			if r.Counterexample == nil || !strings.Contains(r.Counterexample.Detail, tc.detail) {
				t.Errorf("detail %+v, want it to say %q", r.Counterexample, tc.detail)
			}
		})
	}
}
