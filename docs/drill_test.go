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

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/report"
)

var update = flag.Bool("jwtconform.update", false, "rewrite the drill's diff file and the summary in upgrade-gate.md from the committed results")

// The drill: go-jose v4.1.4 → v4.1.9, measured by drills/regenerate.sh.
const (
	drillDoc     = "upgrade-gate.md"
	drillOld     = "drills/go-jose-v4.1.4.results.json.gz"
	drillNew     = "drills/go-jose-v4.1.9.results.json.gz"
	drillDiff    = "drills/go-jose-v4.1.4-v4.1.9.diff.txt"
	drillPayload = `{"nbf":9223372036854775807,"exp":4102444800}`
	drillNow     = "1700000000"
	summaryBegin = "<!-- BEGIN drill summary: written by 'go test ./docs -jwtconform.update' from the committed results; do not edit -->\n"
	summaryEnd   = "<!-- END drill summary -->\n"
)

// TestDrill recomputes the drill's diff from the two committed
// results.json and checks the committed diff file and the summary that
// upgrade-gate.md quotes (counts and rows) against it, so neither can
// drift from the measurement; -jwtconform.update rewrites both.
func TestDrill(t *testing.T) {
	old, newer := readGzipResults(t, drillOld), readGzipResults(t, drillNew)
	delta := report.Diff(old, newer)
	var diff bytes.Buffer
	if err := report.WriteDiff(&diff, delta, false); err != nil {
		t.Fatal(err)
	}

	// The drill's own claim: the token with nbf = 2^63 - 1 turns from
	// accept to reject in go-jose's default path.
	id := vectorWith(t, newer, drillPayload, drillNow)
	flipped := false
	for _, c := range delta.Changes {
		if c.New.Vector == id && c.Old.Verdict == adapters.Accept && c.New.Verdict == adapters.Reject {
			flipped = true
		}
	}
	if !flipped {
		t.Errorf("%s (%s at now = %s) does not turn from accept to reject between the two runs", id, drillPayload, drillNow)
	}

	summary := drillSummary(delta, diff.String(), id)
	doc, err := os.ReadFile(drillDoc)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(doc), summaryBegin)
	_, after, ok2 := strings.Cut(rest, summaryEnd)
	if !ok || !ok2 {
		t.Fatalf("%s lacks the drill summary markers %q ... %q", drillDoc, summaryBegin, summaryEnd)
	}
	wantDoc := before + summaryBegin + summary + summaryEnd + after

	if *update {
		for path, b := range map[string]string{drillDiff: diff.String(), drillDoc: wantDoc} {
			if err := os.WriteFile(path, []byte(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	const regenerate = "regenerate with 'go test ./docs -jwtconform.update' (or measure again with 'go generate ./docs')"
	committed, err := os.ReadFile(drillDiff)
	if err != nil {
		t.Fatalf("%v; %s", err, regenerate)
	}
	if string(committed) != diff.String() {
		t.Errorf("%s is not the diff of the committed results; %s", drillDiff, regenerate)
	}
	if string(doc) != wantDoc {
		t.Errorf("%s quotes a drill summary that is not the committed results'; %s. Want:\n%s", drillDoc, regenerate, summary)
	}
}

// drillSummary is the part of upgrade-gate.md made from the measurement:
// the counts, and the diff's rows for the drill's vector.
func drillSummary(d report.Delta, diff, id string) string {
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
	var b strings.Builder
	fmt.Fprintf(&b, "- **%d outcomes changed, %d of them verdicts**, in %d adapters and %d vectors.\n", len(d.Changes), d.VerdictsChanged(), len(adapterSet), len(vectorSet))
	fmt.Fprintf(&b, "- Security findings: **%d disappear**, %d appear. Interop findings: %d disappear, %d appear.\n", securityGone, securityNew, interopGone, interopNew)
	var ts []string
	for t, n := range topics {
		ts = append(ts, fmt.Sprintf("%s %d", t, n))
	}
	slices.Sort(ts)
	fmt.Fprintf(&b, "- Vectors changed, by file: %s.\n", strings.Join(ts, ", "))
	fmt.Fprintf(&b, "\nThe rows of the drill's token, `%s` at now = %s (vector `%s`):\n\n```text\n", drillPayload, drillNow, id)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ADAPTER\tMODE\tOLD\tNEW\tRFC\tSEVERITY")
	for _, c := range d.Changes {
		if c.New.Vector == id {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s → %s\n", c.New.Adapter, c.New.Mode, c.Old.Outcome(), c.New.Outcome(), c.New.RFC,
				cmp.Or(string(c.Old.Severity), "none"), cmp.Or(string(c.New.Severity), "none"))
		}
	}
	_ = tw.Flush()
	b.WriteString("```\n")
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
