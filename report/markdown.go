package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/conformance"
)

// MarkdownBudget is the size report.md is kept within for the built-in
// run: a GitHub job summary holds at most 1 MiB, and a reader wants the
// story, not every result, which results.json and report.html hold.
const MarkdownBudget = 100 << 10

// The longest payload, error text and reproducer a Markdown report shows
// in full; longer ones are cut, and the reproducer reads results.json.
const (
	mdPayloadLimit = 240
	mdErrorLimit   = 200
	mdCommandLimit = 400
)

// WriteMarkdown writes report.md, findings first: the headline (root
// causes per adapter by severity), any unexplained results, the root
// causes per library with the smallest reproduction and how to avoid
// each, the acceptance timeline, a few examples per root cause, then the
// migrations, the scoreboard, the deviations table, properties,
// resources and fuzzing.
func WriteMarkdown(w io.Writer, d Document) error {
	var b, tail bytes.Buffer
	b.Grow(MarkdownBudget)
	mdHeader(&b, d)
	mdHeadline(&b, d)
	mdUnexplained(&b, d)
	mdRootCauses(&b, d)
	mdTimelines(&b, d)
	mdMigrations(&tail, d)
	mdScoreboard(&tail, d)
	mdDeviations(&tail, d)
	mdProperties(&tail, d)
	mdResources(&tail, d)
	mdFuzz(&tail, d)
	// The examples take what the budget leaves; the sections after them
	// are written first to know how much that is.
	mdExamples(&b, d, MarkdownBudget-tail.Len())
	b.Write(tail.Bytes())
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

func mdHeader(b *bytes.Buffer, d Document) {
	b.WriteString("# jwtconform: RFC 7519 time claims across Go JWT libraries\n\n")
	fmt.Fprintf(b, "Suite %s · %d vectors × %d adapters × %d modes · vectors %s · %s",
		d.Suite.Version, len(d.Vectors), len(d.Adapters), len(conformance.Modes), shortDigest(d.Suite.VectorsDigest), d.Suite.Go)
	if s := d.Suite.Selection; s != nil {
		fmt.Fprintf(b, " · selected adapters %s, vectors %s", mdCode(orAll(s.Adapters)), mdCode(orAll(s.Vectors)))
	}
	if d.Suite.Timestamp != "" {
		fmt.Fprintf(b, " · %s", d.Suite.Timestamp)
	}
	b.WriteString("\n\n")
}

func mdScoreboard(b *bytes.Buffer, d Document) {
	b.WriteString("## Scoreboard (results)\n\n")
	b.WriteString("Vectors on which the library does what RFC 7519 requires, per mode (*explicit*: the vector's leeway, required claims and any max age passed through the library's options; *defaults*: only the clock), and the departures by severity over both modes.\n\n")
	b.WriteString("| adapter | module | agrees (explicit) | agrees (defaults) | security | lenient | interop | policy | info | unsupported | unexplained |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, a := range d.Adapters {
		s := a.Score
		fmt.Fprintf(b, "| %s | %s | %s | %d/%d | %s | %d | %d | %d | %d | %d | %s |\n",
			mdCell(a.Name), mdCell(a.Module.String()), agreeExplicit(d, a), s.Agree.Defaults, s.Vectors,
			boldIf(s.Security), s.Lenient, s.Interop, s.Policy, s.Info, s.Unsupported, boldIf(s.Unexplained))
	}
	b.WriteString("\nResults, not root causes: one root cause usually explains many vectors. *unsupported*: the library cannot express the vector's options (n/a when it can express none); *unexplained*: an outcome the adapter's profile does not predict (a new bug, a changed library or a wrong profile).\n\n")
}

func mdDeviations(b *bytes.Buffer, d Document) {
	rows := DeviationTable(d)
	b.WriteString("## Glossary of root causes\n\n")
	if len(rows) == 0 {
		b.WriteString("No adapter declares a deviation.\n\n")
		return
	}
	b.WriteString("Each preset or parameter value a profile declares, with a reason, in `conformance/profiles/` (report.html and results.json name the adapters), and how many adapters declare it.\n\n")
	b.WriteString("| root cause | what the library does | adapters |\n|---|---|--:|\n")
	for _, r := range rows {
		n := 0
		for _, has := range r.Has {
			if has {
				n++
			}
		}
		fmt.Fprintf(b, "| %s | %s | %d |\n", mdCodeCell(r.ID), mdCell(r.Summary), n)
	}
	b.WriteString("\n")
}

func mdProperties(b *bytes.Buffer, d Document) {
	b.WriteString("## Properties\n\n")
	if d.Properties == nil {
		b.WriteString("Not run.\n\n")
		return
	}
	if len(d.Properties) == 0 {
		b.WriteString("No property results.\n\n")
		return
	}
	holds, fails, unsupported := 0, 0, 0
	for _, p := range d.Properties {
		switch p.Status {
		case conformance.Holds:
			holds++
		case conformance.Fails:
			fails++
		default:
			unsupported++
		}
	}
	fmt.Fprintf(b, "%d hold, %d fail, %d unsupported. A failing law is graded like a vector, on its shrunk counterexample, in each mode (E: explicit, D: defaults); counterexamples are in results.json and report.html, except for unexplained failures, shown here.\n\n", holds, fails, unsupported)
	if fails == 0 {
		return
	}
	b.WriteString("| adapter | failing laws (severity) |\n|---|---|\n")
	var unexplained []conformance.PropertyResult
	for i := 0; i < len(d.Properties); {
		adapter := d.Properties[i].Adapter
		var laws []string
		for i < len(d.Properties) && d.Properties[i].Adapter == adapter {
			// One law's results in both modes, on one entry: "E+D
			// (policy)" when they agree, "E (interop), D (policy)" when
			// not; entries are separated by semicolons.
			name := d.Properties[i].Property
			var modes []string
			sev := map[string]string{}
			for ; i < len(d.Properties) && d.Properties[i].Adapter == adapter && d.Properties[i].Property == name; i++ {
				p := d.Properties[i]
				if p.Status != conformance.Fails {
					continue
				}
				m := modeLetters([]conformance.Mode{p.RunMode()})
				modes = append(modes, m)
				sev[m] = cmp.Or(string(p.Severity), "none")
				if !p.Explained {
					unexplained = append(unexplained, p)
				}
			}
			switch {
			case len(modes) == 0:
			case len(modes) == 2 && sev[modes[0]] == sev[modes[1]]:
				laws = append(laws, fmt.Sprintf("%s %s+%s (%s)", name, modes[0], modes[1], sev[modes[0]]))
			default:
				var parts []string
				for _, m := range modes {
					parts = append(parts, fmt.Sprintf("%s (%s)", m, sev[m]))
				}
				laws = append(laws, name+" "+strings.Join(parts, ", "))
			}
		}
		if len(laws) > 0 {
			fmt.Fprintf(b, "| %s | %s |\n", mdCell(adapter), mdCell(strings.Join(laws, "; ")))
		}
	}
	b.WriteString("\n")
	if len(unexplained) == 0 {
		return
	}
	b.WriteString("**Unexplained** property failures:\n\n| adapter | property | clause | severity | counterexample |\n|---|---|---|---|---|\n")
	for _, p := range unexplained {
		ce := ""
		if c := p.Counterexample; c != nil {
			ce = fmt.Sprintf("payload %s, now %s, leeway %s: %s", mdCodeCell(truncate(c.Payload, mdPayloadLimit)),
				mdCodeCell(c.Now), mdCodeCell(orDefault(c.Leeway)), mdCell(truncate(c.Detail, mdErrorLimit)))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdCell(p.Adapter), mdCell(p.Key()), mdCell(p.Clause), p.Severity, ce)
	}
	b.WriteString("\n")
}

func mdResources(b *bytes.Buffer, d Document) {
	b.WriteString("## Resources\n\n")
	if d.Resources == nil {
		b.WriteString("Not run.\n\n")
		return
	}
	if len(d.Resources) == 0 {
		b.WriteString("No measurements.\n\n")
		return
	}
	b.WriteString("How the bytes allocated by one verification grow with crafted tokens (growth 1 is linear).\n\n")
	b.WriteString("| adapter | shape | largest token | alloc/byte | growth | severity | note |\n|---|---|--:|--:|--:|---|---|\n")
	for _, r := range d.Resources {
		largest := 0
		if n := len(r.Points); n > 0 {
			largest = r.Points[n-1].Bytes
		}
		fmt.Fprintf(b, "| %s | %s | %d | %s | %s | %s | %s |\n", mdCell(r.Adapter), mdCell(r.Shape), largest,
			strconv.FormatFloat(r.AllocPerByte, 'f', 1, 64), strconv.FormatFloat(r.Growth, 'f', 2, 64), r.Severity, mdCell(r.Note))
	}
	b.WriteString("\n")
}

func mdFuzz(b *bytes.Buffer, d Document) {
	b.WriteString("## Fuzzing findings\n\n")
	if d.Fuzz == nil {
		b.WriteString("Not run.\n\n")
		return
	}
	explained := map[string]int{}
	var adapters []string
	shown := 0
	for _, f := range d.Fuzz {
		if f.Kind == "explained" { // fuzz.KindExplained: a departure a deviation now covers
			if explained[f.Adapter] == 0 {
				adapters = append(adapters, f.Adapter)
			}
			explained[f.Adapter]++
			continue
		}
		if shown == 0 {
			b.WriteString("| target | kind | adapter | detail | reproduce |\n|---|---|---|---|---|\n")
		}
		shown++
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdCell(f.Target), mdCell(f.Kind), mdCell(f.Adapter),
			mdCell(truncate(f.Detail, mdErrorLimit)), mdCodeCell(f.Reproduce))
	}
	if shown > 0 {
		b.WriteString("\n")
	}
	if len(adapters) > 0 {
		parts := make([]string, len(adapters))
		for i, a := range adapters {
			parts[i] = fmt.Sprintf("%s (%d)", mdCode(a), explained[a])
		}
		fmt.Fprintf(b, "Committed differential inputs that a profile deviation now explains (kind explained, details in results.json): %s.\n\n", strings.Join(parts, ", "))
	} else if shown == 0 {
		b.WriteString("None.\n\n")
	}
}

// payloadPreview is the payload as one line, cut to limit bytes: verbatim
// when printable, Go-quoted when it holds control bytes, base64 when it
// is not UTF-8.
func payloadPreview(v Vector, limit int) string {
	if v.Payload == nil {
		return "base64:" + truncate(v.PayloadBase64, limit)
	}
	p := *v.Payload
	if !inlineSafe(p) {
		p = strconv.Quote(p)
	}
	return truncate(p, limit)
}

// truncate cuts s to at most limit bytes on a rune boundary, saying how
// long it was.
func truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("… (%d bytes)", len(s))
}

// mdCode is s as a Markdown code span on one line, whatever backticks it
// holds.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	s = oneLine(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdCodeCell is mdCode for a table cell, where a pipe must be escaped
// even inside a code span.
func mdCodeCell(s string) string {
	return strings.ReplaceAll(mdCode(s), "|", `\|`)
}

// mdCell is plain text for a table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(mdText(s), "|", `\|`)
}

// mdText is plain text on one line with Markdown's active characters
// escaped.
func mdText(s string) string {
	return mdEscaper.Replace(oneLine(s))
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`)

// oneLine replaces line breaks so that s stays on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ", "\r", " ⏎ ").Replace(s)
}

func boldIf(n int) string {
	if n == 0 {
		return "0"
	}
	return "**" + strconv.Itoa(n) + "**"
}

func shortDigest(s string) string {
	if i := strings.IndexByte(s, ':'); i >= 0 && len(s) > i+13 {
		return s[:i+13]
	}
	return s
}

func orAll(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

func orDefault(s string) string {
	if s == "" {
		return "default"
	}
	return s
}

// joinClasses renders rejection classes as "expired|malformed_claim".
func joinClasses[C ~string](cs []C) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return strings.Join(parts, "|")
}
