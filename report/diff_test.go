package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// changed returns a copy of the fixture document with change applied.
func changed(change func(*Document)) Document {
	return changedFrom(fixtureDocument(), change)
}

// changedFrom returns a deep enough copy of d with change applied: every
// list a change may edit is cloned.
func changedFrom(d Document, change func(*Document)) Document {
	d.Modules = slices.Clone(d.Modules)
	d.Adapters = slices.Clone(d.Adapters)
	for i := range d.Adapters {
		d.Adapters[i].Deviations = slices.Clone(d.Adapters[i].Deviations)
		d.Adapters[i].Parameters = slices.Clone(d.Adapters[i].Parameters)
	}
	d.Results = slices.Clone(d.Results)
	d.Vectors = slices.Clone(d.Vectors)
	d.Properties = slices.Clone(d.Properties)
	d.Resources = slices.Clone(d.Resources)
	d.Timelines = slices.Clone(d.Timelines)
	if d.Fuzz != nil {
		d.Fuzz = slices.Clone(d.Fuzz)
	}
	change(&d)
	return d
}

// Indices into the fixture document's sorted results (alpha/v1 first,
// then by vector and mode) and properties.
const (
	alphaExp1sExplicit        = 0  // accept, as the RFC says
	alphaInvalidUTF8Explicit  = 8  // reject/malformed_token
	alphaQuotedExpExplicit    = 12 // unsupported
	alphaExpEqualsNowExplicit = 2  // accept where the RFC rejects: security
	betaLeewayMonotone        = 1  // property: holds
	alphaExpBoundaryProperty  = 0  // property: fails, security
)

func TestDiff(t *testing.T) {
	old := fixtureDocument()
	finding := conformance.FuzzFinding{Target: "FuzzClaims", File: "fuzz/testdata/fuzz/FuzzClaims/x", Kind: "panic", Adapter: "beta/v2", Detail: "index out of range"}
	for _, tc := range []struct {
		name    string
		change  func(*Document)
		want    DiffSummary
		kinds   []ChangeKind // of the vector changes, in order
		empty   bool
		compare func(t *testing.T, d Delta)
	}{
		{name: "identical", change: func(*Document) {}, empty: true},
		{name: "error text only", change: func(d *Document) { d.Results[alphaInvalidUTF8Explicit].Error = "another text" }, empty: true},
		{name: "root causes only", change: func(d *Document) { d.Results[alphaExpEqualsNowExplicit].RootCauses = []string{"exp-inclusive"} }, empty: true},
		{name: "class only", change: func(d *Document) { d.Results[alphaInvalidUTF8Explicit].Class = adapters.Other },
			want: DiffSummary{Outcomes: 1, Informational: 1}, kinds: []ChangeKind{KindClass}},
		{name: "verdict", change: func(d *Document) {
			r := &d.Results[alphaExpEqualsNowExplicit]
			r.Verdict, r.Class, r.Severity = adapters.Reject, adapters.Expired, conformance.None
		}, want: DiffSummary{Verdicts: 1, Outcomes: 1}, kinds: []ChangeKind{KindVerdict}}, // accepting at exp is a policy
		{name: "unsupported becomes a verdict", change: func(d *Document) {
			r := &d.Results[alphaQuotedExpExplicit]
			r.Verdict, r.Class, r.Error = adapters.Reject, adapters.MalformedClaim, "not a number"
		}, want: DiffSummary{Verdicts: 1, Supported: 1, Outcomes: 1}, kinds: []ChangeKind{KindSupported}},
		{name: "a verdict becomes unsupported", change: func(d *Document) {
			r := &d.Results[alphaExp1sExplicit]
			r.Verdict, r.Error = adapters.Unsupported, "no leeway"
		}, want: DiffSummary{Verdicts: 1, Unsupported: 1, Outcomes: 1}, kinds: []ChangeKind{KindUnsupported}},
		{name: "severity only (new grading)", change: func(d *Document) { d.Results[alphaExpEqualsNowExplicit].Severity = conformance.Security },
			want: DiffSummary{Outcomes: 1, SecurityNew: 1, Informational: 1}, kinds: []ChangeKind{KindSeverity}},
		{name: "explanation only (profile changed)", change: func(d *Document) { d.Results[alphaExpEqualsNowExplicit].Explained = false },
			want: DiffSummary{Outcomes: 1, Informational: 1}, kinds: []ChangeKind{KindExplained}},
		{name: "library version", change: func(d *Document) { d.Modules[1].Version = "v2.0.0" }, want: DiffSummary{Informational: 1},
			compare: func(t *testing.T, d Delta) {
				if want := []ModuleChange{{Path: "example.com/beta", Old: "v2.0.0-rc.1", New: "v2.0.0"}}; !slices.Equal(d.Modules, want) {
					t.Errorf("modules %+v, want %+v", d.Modules, want)
				}
			}},
		{name: "Go version", change: func(d *Document) { d.Suite.Go = "go2.0" }, want: DiffSummary{Informational: 1}},
		{name: "deviation set", change: func(d *Document) {
			a := &d.Adapters[0]
			a.Deviations = append(a.Deviations[1:], Deviation{ID: "zero-as-absent"})
			a.Parameters = append(a.Parameters, Parameter{Name: "nbf.default-leeway", Value: "5m"})
		}, want: DiffSummary{Informational: 1}, compare: func(t *testing.T, d Delta) {
			want := ProfileChange{Adapter: "alpha/v1", OldModule: "example.com/alpha@v1.2.3", NewModule: "example.com/alpha@v1.2.3",
				DeviationsAdded: []string{"zero-as-absent"}, DeviationsRemoved: []string{"bom-rejected"}, ParametersAdded: []string{"nbf.default-leeway=5m"}}
			if len(d.Profiles) != 1 || fmt.Sprint(d.Profiles[0]) != fmt.Sprint(want) {
				t.Errorf("profiles %+v, want %+v", d.Profiles, want)
			}
		}},
		{name: "vector removed", change: func(d *Document) { d.Vectors = d.Vectors[1:] }, want: DiffSummary{Informational: 1}},
		{name: "property status", change: func(d *Document) {
			p := &d.Properties[betaLeewayMonotone]
			p.Status, p.Severity = conformance.Fails, conformance.Interop
			p.Counterexample = &conformance.Counterexample{Payload: "{}", Now: "0"}
		}, want: DiffSummary{Properties: 1}},
		{name: "property counterexample only", change: func(d *Document) {
			p := &d.Properties[alphaExpBoundaryProperty]
			cx := *p.Counterexample
			cx.Now = "1700000001"
			p.Counterexample = &cx
		}, want: DiffSummary{Informational: 1}},
		{name: "property detail text only", change: func(d *Document) {
			p := &d.Properties[alphaExpBoundaryProperty]
			cx := *p.Counterexample
			cx.Detail = "another library version says it otherwise"
			p.Counterexample = &cx
		}, empty: true},
		{name: "properties not run in the new file", change: func(d *Document) { d.Properties = nil }, want: DiffSummary{Informational: 1},
			compare: func(t *testing.T, d Delta) {
				if !slices.Equal(d.NotCompared, []string{"properties: only the old run has them"}) {
					t.Errorf("not compared %q", d.NotCompared)
				}
			}},
		{name: "timeline spans", change: func(d *Document) {
			tl := &d.Timelines[0] // alpha/v1 leeway-0s
			tl.Accepted = []conformance.Interval{{From: "1700000000", FromInclusive: true, To: "1700000060"}}
		}, want: DiffSummary{Timelines: 1}},
		{name: "timeline explanation only", change: func(d *Document) { d.Timelines[0].Explained = false }, want: DiffSummary{Informational: 1}},
		{name: "resource grade", change: func(d *Document) { d.Resources[0].Severity, d.Resources[0].Growth = conformance.None, 1.0 },
			want: DiffSummary{Resources: 1}},
		{name: "resource figures only", change: func(d *Document) { d.Resources[0].AllocPerByte = 91.5 }, empty: true},
		{name: "fuzz finding appears", change: func(d *Document) { d.Fuzz = append(d.Fuzz, finding) }, want: DiffSummary{Fuzz: 1},
			compare: func(t *testing.T, d Delta) {
				if len(d.Fuzz) != 1 || d.Fuzz[0].Old != "" || d.Fuzz[0].New != "panic" {
					t.Errorf("fuzz %+v, want one finding from none to panic", d.Fuzz)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			delta := Diff(old, changed(tc.change))
			if got := delta.Summary(); got != tc.want {
				t.Errorf("summary %+v\nwant    %+v", got, tc.want)
			}
			var kinds []ChangeKind
			for _, c := range delta.Changes {
				kinds = append(kinds, c.Kind)
			}
			if !slices.Equal(kinds, tc.kinds) {
				t.Errorf("kinds %v, want %v", kinds, tc.kinds)
			}
			if delta.Empty() != tc.empty {
				t.Errorf("Empty() = %t, want %t", delta.Empty(), tc.empty)
			}
			if delta.Gates() != tc.want.Gates() {
				t.Errorf("Gates() = %t, want %t", delta.Gates(), tc.want.Gates())
			}
			if tc.compare != nil {
				tc.compare(t, delta)
			}
		})
	}
}

// TestDiffFuzzBothWays checks that a finding that disappears and one that
// changes kind are both changes, and that a new detail alone is not.
func TestDiffFuzzBothWays(t *testing.T) {
	f := conformance.FuzzFinding{Target: "FuzzClaims", File: "a", Kind: "explained", Adapter: "beta/v2", Detail: "covered"}
	g := conformance.FuzzFinding{Target: "FuzzClaims", File: "b", Kind: "panic", Adapter: "", Detail: "oracle panics"}
	old := changed(func(d *Document) { d.Fuzz = []conformance.FuzzFinding{f, g} })
	f2 := f
	f2.Kind, f2.Detail = "unexplained", "no longer covered"
	g2 := g
	g2.Detail = "another text"
	newer := changed(func(d *Document) { d.Fuzz = []conformance.FuzzFinding{f2, g2} })
	gone := changed(func(d *Document) { d.Fuzz = []conformance.FuzzFinding{g} })
	if d := Diff(old, newer); len(d.Fuzz) != 1 || d.Fuzz[0].Old != "explained" || d.Fuzz[0].New != "unexplained" {
		t.Errorf("kind change: %+v", d.Fuzz)
	}
	if d := Diff(old, gone); len(d.Fuzz) != 1 || d.Fuzz[0].New != "" || d.Fuzz[0].Detail != "covered" {
		t.Errorf("finding gone: %+v", d.Fuzz)
	}
}

// TestDiffGroupsByRootCause checks that vector changes are grouped per
// adapter by the root causes of the old and the new result.
func TestDiffGroupsByRootCause(t *testing.T) {
	old := changed(func(d *Document) {
		for i := range d.Results {
			if d.Results[i].Severity != conformance.None {
				d.Results[i].RootCauses = []string{"exp-inclusive"}
			}
		}
	})
	newer := changedFrom(old, func(d *Document) {
		for _, i := range []int{alphaExpEqualsNowExplicit, alphaExpEqualsNowExplicit + 1} {
			r := &d.Results[i]
			r.Verdict, r.Class, r.Severity, r.RootCauses = adapters.Reject, adapters.Expired, conformance.None, nil
		}
		r := &d.Results[alphaQuotedExpExplicit]
		r.Verdict, r.Class, r.Severity, r.RootCauses = adapters.Accept, "", conformance.Security, []string{"quoted-number-accepted"}
	})
	as := Diff(old, newer).byAdapter()
	if len(as) != 1 || as[0].Adapter != "alpha/v1" {
		t.Fatalf("adapters %+v, want alpha/v1 alone", as)
	}
	var got []string
	for _, g := range as[0].Causes {
		got = append(got, fmt.Sprintf("%s: %d/%d", g.label(), g.Verdicts, len(g.Changes)))
	}
	want := []string{"exp-inclusive → (RFC behaviour): 2/2", "(RFC behaviour) → quoted-number-accepted: 1/1"}
	if !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	// A file written before root causes existed names none: a departure
	// from the RFC is then not called RFC behaviour.
	if l := causeLabel(Result{Severity: conformance.Security, Explained: true}, false); l != "(root causes not recorded)" {
		t.Errorf("label of a departure in a file without root causes: %q", l)
	}
}

// TestDiffMarkdownIsBounded checks that the job summary keeps each table
// to DiffMarkdownRows rows, counting the rest.
func TestDiffMarkdownIsBounded(t *testing.T) {
	in := synthetic(200, 2)
	old, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	newer := changedFrom(old, func(d *Document) {
		for i := range d.Results {
			if d.Results[i].Verdict == adapters.Accept {
				d.Results[i].Verdict, d.Results[i].Class = adapters.Reject, adapters.Expired
			} else {
				d.Results[i].Verdict, d.Results[i].Class = adapters.Accept, ""
			}
		}
	})
	delta := Diff(old, newer)
	var b bytes.Buffer
	if err := WriteDiff(&b, delta, true); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if !strings.HasPrefix(md, "## jwtconform diff\n\n**800 verdicts changed") {
		t.Errorf("the summary does not lead with the counts:\n%.300s", md)
	}
	for _, a := range []string{"lib00/v1/path", "lib01/v1/path"} {
		if !strings.Contains(md, "### "+mdText(a)+": 400 verdicts changed (400 outcomes)") {
			t.Errorf("no section for %s", a)
		}
	}
	if n := strings.Count(md, "| **!** |"); n != 2*DiffMarkdownRows {
		t.Errorf("%d change rows, want %d", n, 2*DiffMarkdownRows)
	}
	if !strings.Contains(md, fmt.Sprintf("… and %d more", 400-DiffMarkdownRows)) {
		t.Errorf("the cut tables do not say how many rows are left out")
	}
	if len(md) > 16<<10 {
		t.Errorf("%d bytes of Markdown for 800 changes", len(md))
	}
}

// TestDiffJSON checks the -json form decodes and carries the summary and
// the grouped changes.
func TestDiffJSON(t *testing.T) {
	delta := Diff(goldenOld(), goldenNewer())
	var b bytes.Buffer
	if err := WriteDiffAs(&b, delta, DiffJSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Schema   string
		Gates    bool
		Summary  DiffSummary
		Modules  []ModuleChange
		Adapters []struct {
			Adapter string
			Causes  []struct {
				Old, New string
				Changes  []Change
			}
			Properties []PropertyChange
			Timelines  []TimelineChange
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if got.Schema != DiffSchema || !got.Gates || got.Summary != delta.Summary() || len(got.Adapters) != 2 {
		t.Errorf("schema %q, gates %t, summary %+v, %d adapters", got.Schema, got.Gates, got.Summary, len(got.Adapters))
	}
	golden(t, "diff.json", b.Bytes())
}

// withCauses sets root causes on the results of d whose profile departs
// from the RFC, by topic, as the runner would name them.
func withCauses(d *Document) {
	causes := map[string][]string{"exp-boundary": {"exp-inclusive"}, "json-syntax": {"bom-rejected"}, "wrong-type": {"quoted-number-accepted"}}
	for i := range d.Results {
		r := &d.Results[i]
		if r.Profile != r.RFC {
			topic, _, _ := strings.Cut(r.Vector, "/")
			r.RootCauses = causes[topic]
		}
	}
}

// goldenOld is the fixture with root causes.
func goldenOld() Document { return changed(withCauses) }

// goldenNewer is goldenOld after a simulated upgrade that touches every
// section.
func goldenNewer() Document {
	return changedFrom(goldenOld(), func(d *Document) {
		d.Suite.Go = "go2.0"
		d.Modules[1].Version = "v2.0.0"
		d.Adapters[1].Module.Version = "v2.0.0"
		d.Adapters[1].Parameters = []Parameter{{Name: "nbf.default-leeway", Value: "5m", Reason: "beta v2.0.0 adds five minutes"}}
		r := &d.Results[alphaExpEqualsNowExplicit]
		r.Verdict, r.Class, r.Severity, r.RootCauses = adapters.Reject, adapters.Expired, conformance.None, nil
		r = &d.Results[alphaQuotedExpExplicit]
		r.Verdict, r.Class, r.Error = adapters.Reject, adapters.MalformedClaim, "not a number"
		d.Results[alphaInvalidUTF8Explicit].Class = adapters.Other
		d.Vectors = append(d.Vectors[:1], d.Vectors[2:]...)
		p := &d.Properties[betaLeewayMonotone]
		p.Status, p.Severity = conformance.Fails, conformance.Interop
		p.Counterexample = &conformance.Counterexample{Payload: `{"nbf":1700000000}`, Now: "1699999700", Leeway: "0s"}
		d.Timelines[0].Accepted = []conformance.Interval{{From: "1700000000", FromInclusive: true, To: "1700000060"}}
		d.Resources[0].Severity = conformance.None
	})
}

func TestDiffGolden(t *testing.T) {
	delta := Diff(goldenOld(), goldenNewer())
	for _, tc := range []struct {
		name     string
		markdown bool
	}{{"diff.txt", false}, {"diff.md", true}} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteDiff(&b, delta, tc.markdown); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}
