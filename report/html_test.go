package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// TestExplicitNotExpressible: an adapter that can express no explicit-mode
// vector is scored "n/a", not 0/7, on every scoreboard.
func TestExplicitNotExpressible(t *testing.T) {
	in := fixture()
	for i, r := range in.Results {
		if r.Adapter == "alpha/v1" && r.Mode == conformance.Explicit {
			in.Results[i].Outcome = adapters.NotSupported(adapters.FeatureLeeway)
			in.Results[i].Severity, in.Results[i].Explained = conformance.None, true
		}
	}
	d, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if !ExplicitUnsupported(d, "alpha/v1") || ExplicitUnsupported(d, "beta/v2") {
		t.Fatalf("ExplicitUnsupported: alpha %t, beta %t; want true, false", ExplicitUnsupported(d, "alpha/v1"), ExplicitUnsupported(d, "beta/v2"))
	}
	for _, tc := range []struct {
		name   string
		render func(*bytes.Buffer, Document) error
		line   string
	}{
		{"html", func(b *bytes.Buffer, d Document) error { return WriteHTML(b, d) }, "<tr><td><b>alpha/v1</b>"},
		{"markdown", func(b *bytes.Buffer, d Document) error { return WriteMarkdown(b, d) }, "| alpha/v1 | example.com/alpha@v1.2.3 | n/a"},
		{"scoreboard", func(b *bytes.Buffer, d Document) error { return WriteScoreboard(b, d) }, "alpha/v1 "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.render(&b, d); err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(b.String(), "\n") {
				if !strings.HasPrefix(l, tc.line) {
					continue
				}
				if !strings.Contains(l, "n/a: option not expressible") || strings.Contains(l, "0/7") {
					t.Errorf("alpha/v1's scoreboard line does not say n/a for the explicit mode:\n%s", l)
				}
				return
			}
			t.Errorf("no scoreboard line for alpha/v1 starting %q", tc.line)
		})
	}
}

// TestRootCauseView: every result the view lists under a root cause is one
// whose root causes, joined, are that root cause's id (or an unexplained
// one under the unexplained entry), and each entry lists as many results
// as it counts, so that opening a root cause shows all its vectors.
func TestRootCauseView(t *testing.T) {
	d := fixtureDocument()
	view, of := rootCauseView(d)
	byIndex := map[int]htmlRootCause{}
	for _, ac := range view {
		for _, e := range slices.Concat(ac.Main, ac.Info) {
			if e.Example.Adapter != ac.Name {
				t.Errorf("%s: entry %s of another adapter %s", ac.Name, e.ID, e.Example.Adapter)
			}
			byIndex[e.Index] = e
		}
	}
	listed := map[int]int{}
	for i, r := range d.Results {
		k := of[i]
		departs := !r.Explained || r.Severity != conformance.None
		if k < 0 {
			if departs {
				t.Errorf("%s %s %s: a departure listed under no root cause", r.Adapter, r.Vector, r.Mode)
			}
			continue
		}
		e, ok := byIndex[k]
		if !ok {
			t.Fatalf("%s %s %s: entry %d not in the view", r.Adapter, r.Vector, r.Mode, k)
		}
		want := rootCauseKey(r)
		if !r.Explained {
			want = Unexplained
		}
		if e.ID != want || e.Example.Adapter != r.Adapter {
			t.Errorf("%s %s %s: listed under %s of %s, want %s", r.Adapter, r.Vector, r.Mode, e.ID, e.Example.Adapter, want)
		}
		listed[k]++
	}
	if len(byIndex) != 5 {
		t.Errorf("%d entries, want 5 (alpha: exp-inclusive, bom-rejected; beta: unexplained, quoted-number-accepted, bom-rejected)", len(byIndex))
	}
	for k, e := range byIndex {
		if listed[k] != e.Results {
			t.Errorf("%s of %s counts %d results and lists %d", e.ID, e.Example.Adapter, e.Results, listed[k])
		}
	}
}
