package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/conformance"
)

func TestParseFailOn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []FailOn
		err  string
	}{
		{DefaultFailOn, []FailOn{FailUnexplained, FailChanged}, ""},
		{"security", []FailOn{FailSecurity}, ""},
		{" changed , changed,security", []FailOn{FailChanged, FailSecurity}, ""},
		{"never", []FailOn{FailNever}, ""},
		{"never,security", nil, "never cannot be combined"},
		{"", nil, `unknown condition ""`},
		{"unexplained,", nil, `unknown condition ""`},
		{"Security", nil, `unknown condition "Security"`},
	} {
		got, err := ParseFailOn(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseFailOn(%q) error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ParseFailOn(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

// TestCheckRun checks what each condition counts in the fixture, which
// has unexplained vector results and timelines, security findings of
// every kind, and a record to differ from.
func TestCheckRun(t *testing.T) {
	d := changed(func(d *Document) {
		d.Fuzz = []conformance.FuzzFinding{{Target: "FuzzClaims", File: "a", Kind: "panic", Adapter: "beta/v2"},
			{Target: "FuzzDifferential", File: "b", Kind: "unexplained", Adapter: "alpha/v1"},
			{Target: "FuzzDifferential", File: "c", Kind: "explained", Adapter: "alpha/v1"}}
	})
	records := map[string]*conformance.Record{"alpha/v1": {Adapter: "alpha/v1", Outcomes: map[string]string{}}}
	for _, r := range d.Results {
		if r.Adapter == "alpha/v1" {
			records["alpha/v1"].Outcomes[conformance.OutcomeKey(r.Vector, r.Mode)] = r.Outcome()
		}
	}
	records["alpha/v1"].Outcomes["json-syntax/bom explicit"] = "accept"
	delete(records["alpha/v1"].Outcomes, "json-syntax/bom defaults")

	c := CheckRun(d, records, []FailOn{FailChanged})
	if want := []string{"alpha/v1 json-syntax/bom explicit: recorded accept, the library gave reject/malformed_token",
		"alpha/v1 json-syntax/bom defaults: not recorded, the library gave reject/malformed_token"}; !slices.Equal(c.Changed, want) {
		t.Errorf("changed %q\nwant %q", c.Changed, want)
	}
	if !slices.Equal(c.Unrecorded, []string{"beta/v2"}) {
		t.Errorf("unrecorded %q", c.Unrecorded)
	}
	if !c.Failed() || c.Reason() != "-fail-on changed: 2 outcomes differ from the records" {
		t.Errorf("failed %t, reason %q", c.Failed(), c.Reason())
	}
	has := func(items []string, sub string) bool {
		return slices.ContainsFunc(items, func(s string) bool { return strings.Contains(s, sub) })
	}
	for _, w := range []string{"beta/v2 timeline defaults", "alpha/v1 fuzz b: unexplained"} {
		if !has(c.Unexplained, w) {
			t.Errorf("unexplained lacks %q: %q", w, c.Unexplained)
		}
	}
	for _, w := range []string{"alpha/v1 property exp-boundary explicit: fails", "beta/v2 resource deep-nesting", "beta/v2 fuzz a: panic", "beta/v2 wrong-type/quoted-exp explicit: panic where the RFC says reject"} {
		if !has(c.Security, w) {
			t.Errorf("security lacks %q: %q", w, c.Security)
		}
	}
	if has(c.Unexplained, "fuzz c") || has(c.Security, "fuzz c") {
		t.Errorf("an explained fuzz finding counts")
	}
	if never := CheckRun(d, records, []FailOn{FailNever}); never.Failed() {
		t.Errorf("-fail-on never failed: %s", never.Reason())
	}
	details := c.Details(1)
	if want := []string{"changed (2):", "  " + c.Changed[0], "  ... and 1 more"}; !slices.Equal(details, want) {
		t.Errorf("details %q, want %q", details, want)
	}
}
