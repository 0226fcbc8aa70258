package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
)

// How many examples report.md shows per root cause, and how many
// unexplained results it lists: the rest is in results.json and the HTML.
const (
	mdExamplesPerCause = 2
	mdUnexplainedLimit = 20
)

// severityWord is a severity as the reports name it, with a symbol so
// that it does not rely on colour.
var severityWord = map[conformance.Severity]string{
	conformance.Security: "⛔ security",
	conformance.Lenient:  "⚠️ lenient",
	conformance.Interop:  "✖️ interop",
	conformance.Policy:   "ℹ️ policy",
	conformance.Info:     "· info",
}

// severityMeaning says what each severity means, in the RFC's terms.
var severityMeaning = []struct {
	Severity conformance.Severity
	Meaning  string
}{
	{conformance.Security, "accepts a token RFC 7519 requires to be rejected for a time reason, beyond any leeway it permits (five minutes), or through a claim-name, number or duplicate trick; or panics, hangs or allocates without bound"},
	{conformance.Lenient, "accepts input the RFC requires to be rejected, where the time claims as the library read them would still pass"},
	{conformance.Interop, "rejects a token the RFC requires to be accepted"},
	{conformance.Policy, "a choice the RFC permits that a user must know: a default leeway or inclusive bound within five minutes, a claim required by default, iat checked, a key-length rule"},
	{conformance.Info, "a point the RFC leaves to the implementation"},
}

// mdHeadline writes the paragraph and table a reader takes in first: per
// adapter, its root causes by severity with the results they explain.
func mdHeadline(b *bytes.Buffer, d Document) {
	b.WriteString("## Headline\n\n")
	var failOpen, strict []string
	unexplained := 0
	for _, a := range d.Adapters {
		unexplained += a.Score.Unexplained
		if a.Score.RootCauses.Security+len(unsafeFindings(d, a.Name)) > 0 {
			failOpen = append(failOpen, mdCode(a.Name))
		} else if a.Score.RootCauses.Security+a.Score.RootCauses.Lenient+a.Score.RootCauses.Interop == 0 {
			strict = append(strict, mdCode(a.Name))
		}
	}
	fmt.Fprintf(b, "%d verification paths of %d modules ran %d vectors in two modes. ", len(d.Adapters), len(d.Modules), len(d.Vectors))
	if len(failOpen) > 0 {
		fmt.Fprintf(b, "**%d fail open** (severity security: they accept tokens that RFC 7519 requires to be rejected for a time reason, or fail under crafted input): %s. ", len(failOpen), strings.Join(failOpen, ", "))
	} else {
		b.WriteString("None fails open: none accepts a token that RFC 7519 requires to be rejected for a time reason, or fails under crafted input. ")
	}
	if len(strict) > 0 {
		fmt.Fprintf(b, "Only policies and open points separate %s from the RFC. ", strings.Join(strict, ", "))
	}
	if unexplained > 0 {
		fmt.Fprintf(b, "**%d results are unexplained** by their profiles: a changed library, a new bug or a wrong profile (listed below).", unexplained)
	} else {
		b.WriteString("Every result is explained by its adapter's profile.")
	}
	b.WriteString("\n\n")
	b.WriteString("Each cell counts **root causes** (results they explain): a root cause is a named behaviour of the library's profile whose removal changes the prediction, or a crafted token shape on which the library's allocation fails the resource bound.\n\n")
	b.WriteString("| adapter | module |")
	for _, s := range conformance.Severities {
		fmt.Fprintf(b, " %s |", severityWord[s])
	}
	b.WriteString(" unexplained |\n|---|---|")
	for range conformance.Severities {
		b.WriteString("--:|")
	}
	b.WriteString("--:|\n")
	for _, a := range d.Adapters {
		fmt.Fprintf(b, "| %s | %s |", mdCell(a.Name), mdCell(a.Module.String()))
		for _, s := range conformance.Severities {
			n, results := a.Score.RootCauses.Of(s), a.Score.results(s)
			if s == conformance.Security {
				n += len(unsafeFindings(d, a.Name)) // a failure under crafted input is a root cause with no vector
			}
			switch {
			case n == 0:
				b.WriteString(" – |")
			case s == conformance.Security:
				fmt.Fprintf(b, " **%d** (%d) |", n, results)
			default:
				fmt.Fprintf(b, " %d (%d) |", n, results)
			}
		}
		fmt.Fprintf(b, " %s |\n", boldIf(a.Score.Unexplained))
	}
	b.WriteString("\n")
	for _, m := range severityMeaning {
		fmt.Fprintf(b, "- %s: %s.\n", severityWord[m.Severity], m.Meaning)
	}
	b.WriteString("\n")
}

// results is the number of results of severity s.
func (s Score) results(sev conformance.Severity) int {
	return SeverityCounts{Security: s.Security, Lenient: s.Lenient, Interop: s.Interop, Policy: s.Policy, Info: s.Info}.Of(sev)
}

// mdRootCauses writes, per adapter, its root causes gravest first with the
// smallest reproduction and how to avoid each, beside its resource
// findings; the points the RFC leaves open go on one line.
func mdRootCauses(b *bytes.Buffer, d Document) {
	b.WriteString("## Root causes per library\n\n")
	b.WriteString("Gravest first; what each root cause means is in the glossary at the end. *results*: how many results it explains, in the explicit (E) and defaults (D) modes; *how to avoid*: the explicit options or another verification path of the library whose profile does not have it (– when none does). A lenient or policy combination is listed on one line after the table.\n\n")
	for _, a := range d.Adapters {
		fmt.Fprintf(b, "### %s (%s)\n\n", mdCode(a.Name), mdCode(a.Module.String()))
		var info, combined []string
		rows := 0
		for _, u := range unsafeFindings(d, a.Name) {
			if rows == 0 {
				b.WriteString(mdCauseHeader)
			}
			rows++
			fmt.Fprintf(b, "| %s | %s: %s | – | %s | – |\n", severityWord[conformance.Security], mdCodeCell(u.ID), mdCell(truncate(u.Summary, 200)), mdCodeCell(u.Reproduce))
		}
		for _, rc := range a.RootCauses {
			switch {
			case rc.Severity == conformance.Info:
				info = append(info, fmt.Sprintf("%s (%d)", mdCode(rc.ID), rc.Results))
				continue
			case (rc.Severity == conformance.Lenient || rc.Severity == conformance.Policy) && strings.Contains(rc.ID, " + "):
				// A lenient or policy combination is its parts met together,
				// each of which is a row or an open point of its own.
				combined = append(combined, fmt.Sprintf("%s %s (%d)", severityWord[rc.Severity], mdCode(rc.ID), rc.Results))
				continue
			}
			if rows == 0 {
				b.WriteString(mdCauseHeader)
			}
			rows++
			v := d.vector(rc.Example.Vector)
			what := mdCodeCell(rc.ID)
			if rc.Severity == conformance.Security && !strings.Contains(rc.ID, " + ") {
				// The gravest say what they are here; the rest in the glossary.
				what += ": " + mdCell(rc.Summary)
			}
			fmt.Fprintf(b, "| %s | %s | %d (%s) | %s | %s |\n", severityWord[rc.Severity], what,
				rc.Results, modeLetters(rc.Modes), reproductionCell(v, rc.Example.Mode), mdAvoid(rc.Avoid))
		}
		if rows == 0 {
			b.WriteString("No departure from RFC 7519 beyond the points it leaves open.\n")
		}
		if len(combined) > 0 {
			fmt.Fprintf(b, "\nMet together: %s.\n", strings.Join(combined, ", "))
		}
		if len(info) > 0 {
			fmt.Fprintf(b, "\nPoints the RFC leaves open, as this library settles them (info): %s.\n", strings.Join(info, ", "))
		}
		if a.Score.Unexplained > 0 {
			fmt.Fprintf(b, "\n**%d unexplained results** (see below).\n", a.Score.Unexplained)
		}
		b.WriteString("\n")
	}
}

// mdCauseHeader heads a library's table of root causes.
const mdCauseHeader = "| severity | root cause | results | smallest reproduction | how to avoid |\n|---|---|--:|---|---|\n"

// reproductionCell is a vector's payload, clock and options in one cell.
func reproductionCell(v Vector, m conformance.Mode) string {
	opts := "defaults"
	if m == conformance.Explicit {
		opts = "leeway " + v.Leeway
		if len(v.Require) > 0 {
			opts += ", require " + RequireList(v.Require)
		}
		opts += v.policies()
	}
	return fmt.Sprintf("%s at now %s, %s", mdCodeCell(payloadPreview(v, 80)), mdCodeCell(v.Now), mdCell(opts))
}

// mdAvoid is how to avoid a root cause, in a table cell.
func mdAvoid(s string) string {
	if s == "" {
		return "–" // no measured path of this library avoids it
	}
	// The advice quotes adapter names in backticks, which mdCell would escape.
	return strings.ReplaceAll(s, "|", `\|`)
}

// modeLetters abbreviates modes as the reports' columns do: E and D.
func modeLetters(ms []conformance.Mode) string {
	var out []string
	for _, m := range ms {
		out = append(out, strings.ToUpper(string(m)[:1]))
	}
	return strings.Join(out, "+")
}

// mdExamples writes a few vectors per root cause graded security, lenient
// or interop, with a command that replays each, while b stays within
// limit bytes (less a line to say what was left out).
func mdExamples(b *bytes.Buffer, d Document, limit int) {
	type example struct {
		r Result
		v Vector
	}
	b.WriteString("## Examples\n\n")
	fmt.Fprintf(b, "Up to %d vectors per root cause graded security, lenient or interop, smallest payload first, each with a command that replays it; every result is in results.json and report.html.\n\n", mdExamplesPerCause)
	skipped := 0
	defer func() {
		if skipped > 0 {
			fmt.Fprintf(b, "The examples of %d more root causes are left out to keep this file within %d KB: see report.html.\n\n", skipped, MarkdownBudget>>10)
		}
	}()
	lo := 0
	for _, a := range d.Adapters {
		hi := lo
		for hi < len(d.Results) && d.Results[hi].Adapter == a.Name {
			hi++
		}
		byCause := map[string][]example{}
		for _, r := range d.Results[lo:hi] {
			if r.Explained && r.Severity.Worse(conformance.Policy) {
				key := rootCauseKey(r)
				byCause[key] = append(byCause[key], example{r, d.vector(r.Vector)})
			}
		}
		lo = hi
		for _, rc := range a.RootCauses {
			exs := byCause[rc.ID]
			if len(exs) == 0 {
				continue
			}
			if b.Len() > limit-2048 {
				skipped++
				continue
			}
			slices.SortFunc(exs, func(x, y example) int {
				return cmp.Or(cmp.Compare(x.r.Severity.Rank(), y.r.Severity.Rank()),
					cmp.Compare(len(x.v.PayloadBytes()), len(y.v.PayloadBytes())), strings.Compare(x.r.Vector, y.r.Vector),
					cmp.Compare(modeIndex(x.r.Mode), modeIndex(y.r.Mode)))
			})
			fmt.Fprintf(b, "### %s: %s (%s)\n\n", mdCode(a.Name), mdCode(rc.ID), severityWord[rc.Severity])
			for _, ex := range exs[:min(len(exs), mdExamplesPerCause)] {
				fmt.Fprintf(b, "- %s (%s): %s; RFC %s, the library gives %s\n", mdCode(ex.v.ID), ex.r.Mode, mdText(ex.v.Comment), ex.r.RFC, mdCode(ex.r.Outcome()))
				fmt.Fprintf(b, "  ```sh\n  %s\n  ```\n", ShortCheckCommand(ex.v, ex.r.Mode, mdCommandLimit))
			}
			if rest := len(exs) - mdExamplesPerCause; rest > 0 {
				fmt.Fprintf(b, "- and %d more\n", rest)
			}
			b.WriteString("\n")
		}
	}
}

// mdUnexplained lists results no profile predicts, with a reproducer
// each: what `go test` fails on and the upgrade gate looks for.
func mdUnexplained(b *bytes.Buffer, d Document) {
	var rs []Result
	for _, r := range d.Results {
		if !r.Explained {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(b, "## Unexplained results (%d)\n\n", len(rs))
	b.WriteString("Outcomes the adapter's profile does not predict: a new bug, a changed library or a wrong profile.\n\n")
	b.WriteString("| adapter | vector | mode | outcome | profile predicts | RFC | library error |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rs[:min(len(rs), mdUnexplainedLimit)] {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", mdCell(r.Adapter), mdCode(r.Vector), r.Mode, mdCode(r.Outcome()),
			r.Profile, r.RFC, mdCodeCell(truncate(r.Error, mdErrorLimit)))
	}
	if rest := len(rs) - mdUnexplainedLimit; rest > 0 {
		fmt.Fprintf(b, "\nand %d more in results.json (`jq '.results[] | select(.explained | not)' results.json`).\n", rest)
	}
	b.WriteString("\n")
}

// unsafeFinding is a way a library fails under crafted input, graded
// security whatever the claims: a resource shape whose allocation fails
// the bound, or a panic, hang or allocation a fuzz target found.
type unsafeFinding struct {
	ID, Summary, Reproduce string
}

// unsafeFindings lists an adapter's unsafe findings, resources first.
func unsafeFindings(d Document, adapter string) []unsafeFinding {
	var out []unsafeFinding
	for _, r := range d.Resources {
		if r.Adapter == adapter && r.Severity == conformance.Security {
			out = append(out, unsafeFinding{"resources: " + r.Shape,
				fmt.Sprintf("allocates %s bytes per input byte at the largest size (growth %s): %s",
					strconv.FormatFloat(r.AllocPerByte, 'f', 1, 64), strconv.FormatFloat(r.Growth, 'f', 2, 64), r.Note),
				"go test ./conformance -run TestResourceSweep -jwtconform.resources"})
		}
	}
	for _, f := range d.Fuzz {
		if f.Adapter == adapter && fuzzUnsafe(f.Kind) {
			out = append(out, unsafeFinding{"fuzz: " + f.Kind + " (" + f.Target + ")", f.Detail, f.Reproduce})
		}
	}
	return out
}

// fuzzUnsafe reports whether a fuzz finding's kind is a failure under
// crafted input rather than a verdict.
func fuzzUnsafe(kind string) bool {
	return kind == "panic" || kind == "timeout" || kind == "alloc"
}

// WriteFindsSummary writes the root causes of every adapter by severity as
// a Markdown list, the form README.md's "What it finds" section keeps (a
// test checks it against a fresh run): one line per adapter, gravest
// first, with the results each explains; points the RFC leaves open are
// counted, not named.
func WriteFindsSummary(w io.Writer, d Document) error {
	var b bytes.Buffer
	for _, a := range d.Adapters {
		fmt.Fprintf(&b, "- **%s** (%s):", mdCode(a.Name), mdCode(a.Module.String()))
		var parts []string
		for _, s := range conformance.Severities {
			if s == conformance.Info {
				continue
			}
			var ids []string
			if s == conformance.Security {
				for _, u := range unsafeFindings(d, a.Name) {
					ids = append(ids, mdCode(u.ID))
				}
			}
			for _, rc := range a.RootCauses {
				if rc.Severity == s {
					ids = append(ids, fmt.Sprintf("%s (%d)", mdCode(rc.ID), rc.Results))
				}
			}
			if len(ids) > 0 {
				parts = append(parts, severityWord[s]+" "+strings.Join(ids, ", "))
			}
		}
		if len(parts) == 0 {
			parts = append(parts, " no departure beyond the points the RFC leaves open")
		}
		fmt.Fprintf(&b, " %s", strings.Join(parts, "; "))
		if n := a.Score.RootCauses.Info; n > 0 {
			fmt.Fprintf(&b, "; and %d ways of settling points the RFC leaves open (info)", n)
		}
		if n := a.Score.Unexplained; n > 0 {
			fmt.Fprintf(&b, "; **%d unexplained results**", n)
		}
		b.WriteString(".\n")
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write summary: %w", err)
	}
	return nil
}
