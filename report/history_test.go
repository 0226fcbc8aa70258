package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// TestWriteHistory builds a history of four versions from the fixture:
// v1 as measured, v2 that does not build, v3 where one result turns from
// accept to reject and one property starts to hold, v4 the same as v3.
func TestWriteHistory(t *testing.T) {
	v1 := fixtureDocument()
	if len(v1.Results) == 0 || len(v1.Properties) == 0 {
		t.Fatal("the fixture has no results or no properties")
	}
	v3 := fixtureDocument()
	r := &v3.Results[0]
	if r.Verdict != adapters.Accept {
		t.Fatalf("the fixture's first result is %s, want accept", r.Outcome())
	}
	r.Verdict, r.Class = adapters.Reject, adapters.Expired
	p := &v3.Properties[0]
	if p.Status == conformance.Holds {
		t.Fatalf("the fixture's first property holds; want one that does not")
	}
	oldStatus := p.Status
	p.Status, p.Counterexample, p.Severity = conformance.Holds, nil, ""
	v4 := fixtureDocument()
	v4.Results[0], v4.Properties[0] = *r, *p

	var b bytes.Buffer
	err := WriteHistory(&b, "example.com/lib", []HistoryStep{
		{Version: "v1.0.0", Results: &v1},
		{Version: "v1.1.0", BuildFailure: []string{"# example.com/x/adapters/lib", "adapters/lib/a.go:1:2: undefined: lib.Thing"}},
		{Version: "v1.2.0", Results: &v3},
		{Version: "v1.3.0", Results: &v4},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"# History of `example.com/lib`",
		"| `v1.0.0` | ok | (first measured) | | |",
		"| `v1.1.0` | fails: `adapters/lib/a.go:1:2: undefined: lib.Thing` | | | |",
		"| `v1.2.0` | ok | 1 | 1 | 1 |",
		"| `v1.3.0` | ok | 0 | 0 | 0 |",
		"## Vector outcomes that change (1)",
		"| adapter | vector | mode | v1.0.0 | v1.2.0 | v1.3.0 |",
		"| " + mdCell(r.Adapter) + " | " + mdCode(r.Vector) + " | " + string(r.Mode) + " | `accept` | **`reject/expired`** | `reject/expired` |",
		"## Property results that change (1)",
		"| `" + string(oldStatus) + "` | **`holds`** | `holds` |",
		"### v1.2.0 (from v1.0.0)",
		"### v1.3.0 (from v1.2.0)",
		"## v1.1.0 does not build\n\n```text\n# example.com/x/adapters/lib\nadapters/lib/a.go:1:2: undefined: lib.Thing\n```",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("history lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "jwtconform diff") {
		t.Errorf("the per-version diffs keep their own title:\n%s", got)
	}
}
