package report

import (
	"bytes"
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
