package docs

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/report"
	"github.com/jwtconform/jwtconform/vectors"
)

var update = flag.Bool("jwtconform.update", false, "rewrite the drills' diff files and the summaries in upgrade-gate.md from the committed results")

// drillDoc is the document that quotes the drills.
const drillDoc = "upgrade-gate.md"

// drill is one worked example of upgrade-gate.md: two committed runs of
// the suite, built against two versions of one library by
// drills/regenerate.sh, and what the document claims about them.
type drill struct {
	// name tells the drill's markers in drillDoc apart.
	name string
	// old, new and diff are the committed files.
	old, new, diff string
	// flips are the tokens the document says change verdict.
	flips []flip
	// swap, when set, is the document's root cause: the old run of
	// swap.adapter is explained by today's profile with one preset in
	// place of another.
	swap *presetSwap
}

// flip is a token whose verdict the drill says changes, in adapter (any
// adapter when empty).
type flip struct {
	payload, now string
	adapter      string
	from, to     adapters.Verdict
}

// presetSwap says an adapter's old run is what its profile predicts with
// preset was in place of preset is.
type presetSwap struct {
	adapter, is, was string
}

var drills = []drill{
	{
		name: "go-jose",
		old:  "drills/go-jose-v4.1.4.results.json.gz", new: "drills/go-jose-v4.1.9.results.json.gz",
		diff:  "drills/go-jose-v4.1.4-v4.1.9.diff.txt",
		flips: []flip{{payload: `{"nbf":9223372036854775807,"exp":4102444800}`, now: "1700000000", from: adapters.Accept, to: adapters.Reject}},
	},
	{
		name: "jwx",
		old:  "drills/jwx-v3.3.0.results.json.gz", new: "drills/jwx-v3.4.0.results.json.gz",
		diff: "drills/jwx-v3.3.0-v3.4.0.diff.txt",
		flips: []flip{
			{payload: `{"nbf":-1}`, now: "1700000000", adapter: "jwx/v3/jwt", from: adapters.Reject, to: adapters.Accept},
			{payload: `{"iat":-1}`, now: "1700000000", adapter: "jwx/v3/jwt", from: adapters.Reject, to: adapters.Accept},
			{payload: `{"exp":1700000000.99999999}`, now: "1700000000.999999995", adapter: "jwx/v3/jwt", from: adapters.Accept, to: adapters.Reject},
		},
		swap: &presetSwap{adapter: "jwx/v3/jwt", is: "numericdate-jwx3-whole-seconds", was: "numericdate-printf-whole-seconds"},
	},
}

func summaryBegin(name string) string {
	return "<!-- BEGIN drill summary " + name + ": written by 'go test ./docs -jwtconform.update' from the committed results; do not edit -->\n"
}

func summaryEnd(name string) string { return "<!-- END drill summary " + name + " -->\n" }

// TestDrill recomputes each drill's diff from its two committed
// results.json and checks the committed diff file and the summary that
// upgrade-gate.md quotes (counts and rows) against it, so neither can
// drift from the measurement; -jwtconform.update rewrites both. It also
// checks the document's claims: the tokens that change verdict, and the
// root cause it names.
func TestDrill(t *testing.T) {
	doc, err := os.ReadFile(drillDoc)
	if err != nil {
		t.Fatal(err)
	}
	wantDoc := string(doc)
	var diffs []struct{ path, text string }
	for _, dr := range drills {
		old, newer := readGzipResults(t, dr.old), readGzipResults(t, dr.new)
		delta := report.Diff(old, newer)
		var diff bytes.Buffer
		if err := report.WriteDiff(&diff, delta, false); err != nil {
			t.Fatal(err)
		}
		diffs = append(diffs, struct{ path, text string }{dr.diff, diff.String()})

		var ids []string
		for _, f := range dr.flips {
			id := vectorWith(t, newer, f.payload, f.now)
			ids = append(ids, id)
			if !flipped(delta, id, f) {
				t.Errorf("%s: %s (%s at now = %s) does not turn from %s to %s in %s between the two runs", dr.name, id, f.payload, f.now, f.from, f.to, cmp.Or(f.adapter, "any adapter"))
			}
		}
		if dr.swap != nil {
			checkSwap(t, dr.name, old, *dr.swap)
		}

		before, rest, ok := strings.Cut(wantDoc, summaryBegin(dr.name))
		_, after, ok2 := strings.Cut(rest, summaryEnd(dr.name))
		if !ok || !ok2 {
			t.Fatalf("%s lacks the summary markers of drill %s: %q ... %q", drillDoc, dr.name, summaryBegin(dr.name), summaryEnd(dr.name))
		}
		wantDoc = before + summaryBegin(dr.name) + drillSummary(delta, dr.flips, ids) + summaryEnd(dr.name) + after
	}

	if *update {
		for _, d := range diffs {
			if err := os.WriteFile(d.path, []byte(d.text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(drillDoc, []byte(wantDoc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	const regenerate = "regenerate with 'go test ./docs -jwtconform.update' (or measure again with 'go generate ./docs')"
	for _, d := range diffs {
		committed, err := os.ReadFile(d.path)
		if err != nil {
			t.Fatalf("%v; %s", err, regenerate)
		}
		if string(committed) != d.text {
			t.Errorf("%s is not the diff of the committed results; %s", d.path, regenerate)
		}
	}
	if string(doc) != wantDoc {
		t.Errorf("%s quotes a drill summary that is not the committed results'; %s. Want:\n%s", drillDoc, regenerate, wantDoc)
	}
}

// flipped reports whether vector id turns from f.from to f.to.
func flipped(d report.Delta, id string, f flip) bool {
	for _, c := range d.Changes {
		if c.New.Vector == id && (f.adapter == "" || c.New.Adapter == f.adapter) && c.Old.Verdict == f.from && c.New.Verdict == f.to {
			return true
		}
	}
	return false
}

// checkSwap checks a drill's root cause by prediction: the old run of
// s.adapter is not what today's profile predicts, and is, result for
// result, once preset s.was takes the place of s.is.
func checkSwap(t *testing.T, name string, old report.Document, s presetSwap) {
	t.Helper()
	p, err := conformance.BuiltinProfile(s.adapter)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(p.Deviations, func(d conformance.DeviationRef) bool { return d.ID == s.is })
	if i < 0 {
		t.Fatalf("%s: the profile of %s has no deviation %s", name, s.adapter, s.is)
	}
	swapped := p
	swapped.Deviations = slices.Clone(p.Deviations)
	swapped.Deviations[i].ID = s.was
	vs := map[string]vectors.Vector{}
	for _, v := range old.Vectors {
		now, err := vectors.ParseTime(v.Now)
		if err != nil {
			t.Fatal(err)
		}
		lw, err := time.ParseDuration(v.Leeway)
		if err != nil {
			t.Fatal(err)
		}
		vs[v.ID] = vectors.Vector{ID: v.ID, Payload: v.PayloadBytes(), Now: now, Leeway: lw, Require: v.Require}
	}
	unexplained := func(p conformance.Profile) (n int, first string) {
		for _, r := range old.Results {
			if r.Adapter != s.adapter || r.Verdict == adapters.Unsupported {
				continue
			}
			v := vs[r.Vector]
			j, err := p.Predict(v.Payload, conformance.QueryFor(v, r.Mode))
			if err != nil {
				t.Fatal(err)
			}
			if !conformance.Explains(j, adapters.Outcome{Verdict: r.Verdict, Class: r.Class}) {
				if n++; first == "" {
					first = fmt.Sprintf("%s %s: %s, predicted %s", r.Vector, r.Mode, r.Outcome(), j.Verdict)
				}
			}
		}
		return n, first
	}
	if n, _ := unexplained(p); n == 0 {
		t.Errorf("%s: today's profile of %s explains the old run: no root cause changed", name, s.adapter)
	}
	if n, first := unexplained(swapped); n > 0 {
		t.Errorf("%s: the profile of %s with %s in place of %s leaves %d results of the old run unexplained, the first %s", name, s.adapter, s.was, s.is, n, first)
	}
}

// drillSummary is the part of upgrade-gate.md made from the measurement:
// the counts, and the diff's rows for the drill's vectors.
func drillSummary(d report.Delta, flips []flip, ids []string) string {
	var securityGone, securityNew, interopGone, interopNew int
	adapterSet, vectorSet, topics := map[string]bool{}, map[string]bool{}, map[string]int{}
	for _, c := range d.Changes {
		adapterSet[c.New.Adapter] = true
		if !vectorSet[c.New.Vector] {
			topic, _, _ := strings.Cut(c.New.Vector, "/")
			topics[topic]++
		}
		vectorSet[c.New.Vector] = true
		o, n := c.Old.Severity, c.New.Severity
		switch {
		case o == conformance.Security && n != conformance.Security:
			securityGone++
		case o != conformance.Security && n == conformance.Security:
			securityNew++
		}
		switch {
		case o == conformance.Interop && n != conformance.Interop:
			interopGone++
		case o != conformance.Interop && n == conformance.Interop:
			interopNew++
		}
	}
	s := d.Summary()
	var b strings.Builder
	fmt.Fprintf(&b, "- **%d outcomes changed, %d of them verdicts**, in %d adapters and %d vectors.\n", len(d.Changes), d.VerdictsChanged(), len(adapterSet), len(vectorSet))
	fmt.Fprintf(&b, "- Security findings: **%d disappear**, %d appear. Interop findings: %d disappear, %d appear.\n", securityGone, securityNew, interopGone, interopNew)
	var ts []string
	for t, n := range topics {
		ts = append(ts, fmt.Sprintf("%s %d", t, n))
	}
	slices.Sort(ts)
	fmt.Fprintf(&b, "- Vectors changed, by file: %s.\n", strings.Join(ts, ", "))
	fmt.Fprintf(&b, "- Beyond the vectors: %d property results, %d timelines, %d resource grades and %d fuzz findings changed.\n", s.Properties, s.Timelines, s.Resources, s.Fuzz)
	for i, f := range flips {
		fmt.Fprintf(&b, "\nThe rows of `%s` at now = %s (vector `%s`):\n\n```text\n", f.payload, f.now, ids[i])
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ADAPTER\tMODE\tOLD\tNEW\tRFC\tSEVERITY")
		for _, c := range d.Changes {
			if c.New.Vector == ids[i] {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s → %s\n", c.New.Adapter, c.New.Mode, c.Old.Outcome(), c.New.Outcome(), c.New.RFC,
					cmp.Or(string(c.Old.Severity), "none"), cmp.Or(string(c.New.Severity), "none"))
			}
		}
		_ = tw.Flush()
		b.WriteString("```\n")
	}
	return b.String()
}

// vectorWith returns the id of the vector with that payload and clock.
func vectorWith(t *testing.T, d report.Document, payload, now string) string {
	t.Helper()
	for _, v := range d.Vectors {
		if v.Payload != nil && *v.Payload == payload && v.Now == now {
			return v.ID
		}
	}
	t.Fatalf("no vector has payload %s at now = %s", payload, now)
	return ""
}

func readGzipResults(t *testing.T, path string) report.Document {
	t.Helper()
	f, err := os.Open(filepath.FromSlash(path))
	if err != nil {
		t.Fatalf("%v (measure with 'go generate ./docs')", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	d, err := report.Decode(zr)
	if err != nil {
		t.Fatalf("%s: %v (measure again with 'go generate ./docs')", path, err)
	}
	return d
}
