package report

import (
	"bytes"
	"slices"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// changed returns a copy of the fixture document with change applied.
func changed(change func(*Document)) Document {
	d := fixtureDocument()
	d.Adapters = slices.Clone(d.Adapters)
	d.Results = slices.Clone(d.Results)
	d.Vectors = slices.Clone(d.Vectors)
	change(&d)
	return d
}

func TestDiff(t *testing.T) {
	old := fixtureDocument()
	for _, tc := range []struct {
		name         string
		change       func(*Document)
		wantChanges  int
		wantVerdicts int
		wantEmpty    bool
	}{
		{"identical", func(*Document) {}, 0, 0, true},
		{"error text only", func(d *Document) { d.Results[8].Error = "another text" }, 0, 0, true},
		{"class only", func(d *Document) { d.Results[8].Class = adapters.Other }, 1, 0, false},
		{"verdict", func(d *Document) {
			d.Results[0].Verdict, d.Results[0].Class, d.Results[0].Severity = adapters.Reject, adapters.Expired, conformance.None
		}, 1, 1, false},
		{"severity only (new oracle)", func(d *Document) { d.Results[2].Severity = conformance.Info }, 1, 0, false},
		{"module version", func(d *Document) { d.Adapters[1].Module.Version = "v2.0.0" }, 0, 0, false},
		{"vector removed", func(d *Document) { d.Vectors = d.Vectors[1:] }, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			delta := Diff(old, changed(tc.change))
			if len(delta.Changes) != tc.wantChanges || delta.VerdictsChanged() != tc.wantVerdicts || delta.Empty() != tc.wantEmpty {
				t.Errorf("changes %d, verdicts %d, empty %t; want %d, %d, %t",
					len(delta.Changes), delta.VerdictsChanged(), delta.Empty(), tc.wantChanges, tc.wantVerdicts, tc.wantEmpty)
			}
		})
	}
}

func TestDiffGolden(t *testing.T) {
	newer := changed(func(d *Document) {
		d.Suite.Go = "go2.0"
		d.Adapters[1].Module.Version = "v2.0.0"
		d.Results[0].Verdict, d.Results[0].Class, d.Results[0].Severity = adapters.Reject, adapters.Expired, conformance.None
		d.Results[8].Class = adapters.Other
		d.Vectors = append(d.Vectors[:1], d.Vectors[2:]...)
	})
	delta := Diff(fixtureDocument(), newer)
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
