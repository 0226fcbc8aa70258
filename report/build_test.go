package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/conformance"
)

func TestBuildRejectsInconsistentInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Input)
		want   string
	}{
		{"adapter twice", func(in *Input) { in.Subjects = append(in.Subjects, in.Subjects[0]) }, `adapter "beta/v2" listed twice`},
		{"vector twice", func(in *Input) { in.Vectors = append(in.Vectors, in.Vectors[0]) }, "listed twice"},
		{"result twice", func(in *Input) { in.Results = append(in.Results, in.Results[3]) }, "listed twice"},
		{"unknown adapter", func(in *Input) { in.Subjects = in.Subjects[:1] }, `names adapter "alpha/v1"`},
		{"unknown vector", func(in *Input) { in.Vectors = in.Vectors[1:] }, "which is not among the vectors"},
		{"timeline of an unknown adapter", func(in *Input) {
			in.Timelines = fixtureTimelines()
			in.Timelines[0].Adapter = "gamma/v3"
		}, `timeline defaults names adapter "gamma/v3"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fixture()
			tc.change(&in)
			_, err := Build(in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build: got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestBuildIsOrderIndependent shuffles every input list and checks that
// results.json comes out byte-identical.
func TestBuildIsOrderIndependent(t *testing.T) {
	want, err := Marshal(fixtureDocument())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 5 {
		in := fixture()
		rng.Shuffle(len(in.Subjects), func(i, j int) { in.Subjects[i], in.Subjects[j] = in.Subjects[j], in.Subjects[i] })
		rng.Shuffle(len(in.Vectors), func(i, j int) { in.Vectors[i], in.Vectors[j] = in.Vectors[j], in.Vectors[i] })
		rng.Shuffle(len(in.Results), func(i, j int) { in.Results[i], in.Results[j] = in.Results[j], in.Results[i] })
		fd := fixtureDocument()
		in.Properties = []conformance.PropertyResult{fd.Properties[1], fd.Properties[0]}
		in.Resources, in.Fuzz = fd.Resources, fd.Fuzz
		in.Timelines = fixtureTimelines()
		in.Migrations = fixtureMigrations
		rng.Shuffle(len(in.Timelines), func(i, j int) { in.Timelines[i], in.Timelines[j] = in.Timelines[j], in.Timelines[i] })
		d, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("shuffle %d: results.json differs:\n%s", i, lineDiff(string(want), string(got)))
		}
	}
}

func TestBuildOptionalSections(t *testing.T) {
	for _, tc := range []struct {
		name      string
		change    func(*Input)
		member    string
		wantThere bool
		wantMD    string
	}{
		{"properties not run", func(*Input) {}, `"properties"`, false, "## Properties\n\nNot run."},
		{"properties ran empty", func(in *Input) { in.Properties = []conformance.PropertyResult{} }, `"properties": []`, true, "No property results."},
		{"resources not run", func(*Input) {}, `"resources"`, false, "## Resources\n\nNot run."},
		{"fuzz ran empty", func(in *Input) { in.Fuzz = []conformance.FuzzFinding{} }, `"fuzz": []`, true, "## Fuzzing findings\n\nNone."},
		{"timelines not measured", func(*Input) {}, `"timelines"`, false, "## Scoreboard"},
		{"timelines measured", func(in *Input) { in.Timelines = fixtureTimelines() }, `"timelines": [`, true, "| alpha/v1 | **`[nbf, exp]`** |"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fixture()
			tc.change(&in)
			d, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			js, err := Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Contains(js, []byte(tc.member)); got != tc.wantThere {
				t.Errorf("results.json has %s: %t, want %t", tc.member, got, tc.wantThere)
			}
			var md bytes.Buffer
			if err := WriteMarkdown(&md, d); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(md.String(), tc.wantMD) {
				t.Errorf("report.md lacks %q", tc.wantMD)
			}
		})
	}
}

func TestScore(t *testing.T) {
	d := fixtureDocument()
	want := map[string]Score{
		// alpha accepts at exp == now, within the permitted leeway: policy.
		"alpha/v1": {Vectors: 7, Agree: ModeCounts{Explicit: 4, Defaults: 5}, Policy: 2, Info: 2, Unsupported: 1,
			RootCauses: SeverityCounts{Policy: 1, Info: 1}},
		// beta's acceptances of bad JSON keep valid times: lenient.
		"beta/v2": {Vectors: 7, Agree: ModeCounts{Explicit: 3, Defaults: 4}, Security: 1, Lenient: 3, Interop: 1, Info: 2, Unexplained: 5,
			RootCauses: SeverityCounts{Lenient: 1, Info: 1}},
	}
	for _, a := range d.Adapters {
		t.Run(a.Name, func(t *testing.T) {
			if a.Score != want[a.Name] {
				t.Errorf("score mismatch (-want +got):\n-\t%+v\n+\t%+v", want[a.Name], a.Score)
			}
		})
	}
}
