package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/conformance"
)

// DiffSchema identifies the -json form of a diff.
const DiffSchema = "jwtconform-diff/v1"

// DiffFormat is how WriteDiffAs renders a delta.
type DiffFormat int

// The diff formats.
const (
	// DiffText is aligned plain text, complete.
	DiffText DiffFormat = iota
	// DiffMarkdown is a job summary: headline counts first, then a section
	// per adapter with tables bounded to DiffMarkdownRows rows.
	DiffMarkdown
	// DiffJSON is one JSON object (schema DiffSchema), complete.
	DiffJSON
)

// DiffMarkdownRows bounds each table of the Markdown diff; the rest is
// counted ("and 12 more") and left to the text or JSON form.
const DiffMarkdownRows = 20

// WriteDiff writes the delta as text, or as Markdown when markdown is
// true.
func WriteDiff(w io.Writer, d Delta, markdown bool) error {
	if markdown {
		return WriteDiffAs(w, d, DiffMarkdown)
	}
	return WriteDiffAs(w, d, DiffText)
}

// WriteDiffAs writes the delta in format f.
func WriteDiffAs(w io.Writer, d Delta, f DiffFormat) error {
	var b bytes.Buffer
	switch f {
	case DiffMarkdown:
		diffMarkdown(&b, d)
	case DiffJSON:
		if err := diffJSON(&b, d); err != nil {
			return err
		}
	default:
		diffText(&b, d)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write diff: %w", err)
	}
	return nil
}

// adapterDelta is one adapter's share of a delta, as the renderers show
// it: vector changes grouped by root cause, then the other sections.
type adapterDelta struct {
	Adapter    string           `json:"adapter"`
	Profile    *ProfileChange   `json:"profile,omitempty"`
	Verdicts   int              `json:"verdicts"`
	Outcomes   int              `json:"outcomes"`
	Causes     []causeGroup     `json:"causes,omitempty"`
	Properties []PropertyChange `json:"properties,omitempty"`
	Timelines  []TimelineChange `json:"timelines,omitempty"`
	Resources  []ResourceChange `json:"resources,omitempty"`
	Fuzz       []FuzzChange     `json:"fuzz,omitempty"`
}

// causeGroup is the vector changes of one adapter whose results name the
// same root causes in the old run and the same in the new.
type causeGroup struct {
	// Old and New label the root causes in each run ("exp-inclusive",
	// "(RFC behaviour)").
	Old      string   `json:"old"`
	New      string   `json:"new"`
	Verdicts int      `json:"verdicts"`
	Changes  []Change `json:"changes"`
}

// headline counts what changed for the adapter, gating changes first.
func (a adapterDelta) headline() string {
	var parts []string
	if a.Outcomes > 0 {
		parts = append(parts, fmt.Sprintf("%d %s changed (%d %s)", a.Verdicts, plural(a.Verdicts, "verdict", "verdicts"),
			a.Outcomes, plural(a.Outcomes, "outcome", "outcomes")))
	}
	for _, n := range []struct {
		n         int
		one, many string
	}{{len(a.Properties), "property result", "property results"}, {len(a.Timelines), "timeline", "timelines"},
		{len(a.Resources), "resource grade", "resource grades"}, {len(a.Fuzz), "fuzz finding", "fuzz findings"}} {
		if n.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n.n, plural(n.n, n.one, n.many)))
		}
	}
	if len(parts) == 0 {
		return "the profile or the module changed, no result"
	}
	return strings.Join(parts, ", ")
}

// label is "old → new", or the one label when both are the same.
func (g causeGroup) label() string {
	if g.Old == g.New {
		return g.New
	}
	return g.Old + " → " + g.New
}

// fuzzAdapter is the adapter a fuzz finding is shown under.
func fuzzAdapter(f FuzzChange) string { return cmp.Or(f.Adapter, "oracle") }

// byAdapter splits the delta by adapter, sorted by name.
func (d Delta) byAdapter() []adapterDelta {
	at := map[string]*adapterDelta{}
	get := func(name string) *adapterDelta {
		a, ok := at[name]
		if !ok {
			a = &adapterDelta{Adapter: name}
			at[name] = a
		}
		return a
	}
	for i := range d.Profiles {
		get(d.Profiles[i].Adapter).Profile = &d.Profiles[i]
	}
	groups := map[string]map[[2]string]*causeGroup{}
	for _, c := range d.Changes {
		a := get(c.New.Adapter)
		a.Outcomes++
		if c.Kind.Gates() {
			a.Verdicts++
		}
		if groups[a.Adapter] == nil {
			groups[a.Adapter] = map[[2]string]*causeGroup{}
		}
		k := [2]string{causeLabel(c.Old, d.oldCauses), causeLabel(c.New, d.newCauses)}
		g, ok := groups[a.Adapter][k]
		if !ok {
			g = &causeGroup{Old: k[0], New: k[1]}
			groups[a.Adapter][k] = g
		}
		g.Changes = append(g.Changes, c)
		if c.Kind.Gates() {
			g.Verdicts++
		}
	}
	for name, gs := range groups {
		a := at[name]
		for _, g := range gs {
			a.Causes = append(a.Causes, *g)
		}
		slices.SortFunc(a.Causes, func(x, y causeGroup) int {
			return cmp.Or(cmp.Compare(y.Verdicts, x.Verdicts), cmp.Compare(len(y.Changes), len(x.Changes)), strings.Compare(x.label(), y.label()))
		})
	}
	for _, c := range d.Properties {
		a := get(c.New.Adapter)
		a.Properties = append(a.Properties, c)
	}
	for _, c := range d.Timelines {
		a := get(c.Adapter)
		a.Timelines = append(a.Timelines, c)
	}
	for _, c := range d.Resources {
		a := get(c.Adapter)
		a.Resources = append(a.Resources, c)
	}
	for _, c := range d.Fuzz {
		a := get(fuzzAdapter(c))
		a.Fuzz = append(a.Fuzz, c)
	}
	out := make([]adapterDelta, 0, len(at))
	for _, a := range at {
		out = append(out, *a)
	}
	slices.SortFunc(out, func(x, y adapterDelta) int { return strings.Compare(x.Adapter, y.Adapter) })
	return out
}

// causeLabel names a result's root causes. No root cause means the
// profile predicts what the RFC says, unless the run names none at all
// (written before root causes existed) and the result departs from the
// RFC, or the profile does not explain it.
func causeLabel(r Result, runHasCauses bool) string {
	switch {
	case len(r.RootCauses) > 0:
		return strings.Join(r.RootCauses, ", ")
	case !r.Explained:
		return "(unexplained)"
	case !runHasCauses && r.Severity != conformance.None:
		return "(root causes not recorded)"
	}
	return "(RFC behaviour)"
}

// headline is the one-line count of what changed.
func headline(s DiffSummary) string {
	verdicts := fmt.Sprintf("%d %s changed", s.Verdicts, plural(s.Verdicts, "verdict", "verdicts"))
	var notes []string
	if s.SecurityGone+s.SecurityNew > 0 {
		notes = append(notes, fmt.Sprintf("security findings: %d gone, %d new", s.SecurityGone, s.SecurityNew))
	}
	if s.Supported > 0 {
		notes = append(notes, fmt.Sprintf("%d newly supported", s.Supported))
	}
	if s.Unsupported > 0 {
		notes = append(notes, fmt.Sprintf("%d no longer supported", s.Unsupported))
	}
	if len(notes) > 0 {
		verdicts += " (" + strings.Join(notes, "; ") + ")"
	}
	return fmt.Sprintf("%s, %d property %s, %d %s, %d resource %s, %d fuzz %s; %d informational %s",
		verdicts, s.Properties, plural(s.Properties, "result", "results"),
		s.Timelines, plural(s.Timelines, "timeline", "timelines"),
		s.Resources, plural(s.Resources, "grade", "grades"),
		s.Fuzz, plural(s.Fuzz, "finding", "findings"),
		s.Informational, plural(s.Informational, "change", "changes"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// gateLine says what the exit status of jwtconform diff will be, and why.
func gateLine(s DiffSummary) string {
	if s.Gates() {
		return "gate: fails (exit status 1): the libraries behave differently"
	}
	if s.Informational > 0 {
		return "gate: passes (exit status 0): only informational changes"
	}
	return "gate: passes (exit status 0): nothing changed"
}

// changeNote calls out what a vector change is beside its outcomes.
func changeNote(c Change) string {
	switch c.Kind {
	case KindSupported:
		return "newly supported"
	case KindUnsupported:
		return "no longer supported"
	case KindClass:
		return "class only"
	case KindSeverity:
		return "regraded only"
	case KindExplained:
		if c.New.Explained {
			return "now explained"
		}
		return "now unexplained"
	}
	return ""
}

// gravity orders changes for a cut table: 0 for a changed verdict that
// makes or ends a security finding, 1 for another changed verdict, 2 for
// the rest.
func gravity(c Change) int {
	switch {
	case c.Kind.Gates() && (c.Old.Severity == conformance.Security || c.New.Severity == conformance.Security):
		return 0
	case c.Kind.Gates():
		return 1
	}
	return 2
}

func rfcChange(c Change) string {
	if c.Old.RFC == c.New.RFC {
		return string(c.New.RFC)
	}
	return string(c.Old.RFC) + " → " + string(c.New.RFC)
}

func severityChange(o, n conformance.Severity) string {
	if sevWord(o) == sevWord(n) {
		return sevWord(n)
	}
	return sevWord(o) + " → " + sevWord(n)
}

func sevWord(s conformance.Severity) string { return cmp.Or(string(s), "none") }

func mark(k ChangeKind) string {
	if k.Gates() {
		return "!"
	}
	return " "
}

// propertyStatus renders a property result's status with its grade.
func propertyStatus(p conformance.PropertyResult) string {
	s := string(p.Status)
	if p.Severity != conformance.None {
		s += " (" + string(p.Severity) + ")"
	}
	if !p.Explained {
		s += ", unexplained"
	}
	return s
}

// timelineText renders what a timeline accepts, in exact clock values.
func timelineText(t TimelineState) string {
	if t.Unsupported != "" {
		return "unsupported"
	}
	if len(t.Accepted) == 0 {
		return "never"
	}
	parts := make([]string, len(t.Accepted))
	for i, iv := range t.Accepted {
		l, r := "(", ")"
		if iv.FromInclusive {
			l = "["
		}
		if iv.ToInclusive {
			r = "]"
		}
		parts[i] = l + cmp.Or(iv.From, "…") + ", " + cmp.Or(iv.To, "…") + r
	}
	return strings.Join(parts, " ∪ ")
}

// kindText names a change of kind k in a section whose verdict is called
// verdict ("status", "accepted spans").
func kindText(k ChangeKind, verdict string) string {
	switch k {
	case KindVerdict:
		return verdict
	case KindSupported:
		return "newly supported"
	case KindUnsupported:
		return "no longer supported"
	}
	return string(k) + " only"
}

func fuzzKind(k string) string { return cmp.Or(k, "none") }

func profileLines(p *ProfileChange) []string {
	var out []string
	if p.OldModule != p.NewModule {
		out = append(out, "module "+p.OldModule+" → "+p.NewModule)
	}
	for _, l := range []struct {
		what string
		ids  []string
	}{{"deviations added", p.DeviationsAdded}, {"deviations removed", p.DeviationsRemoved},
		{"parameters added", p.ParametersAdded}, {"parameters removed", p.ParametersRemoved}} {
		if len(l.ids) > 0 {
			out = append(out, l.what+": "+strings.Join(l.ids, ", "))
		}
	}
	return out
}

func diffText(b *bytes.Buffer, d Delta) {
	s := d.Summary()
	fmt.Fprintf(b, "jwtconform diff: %s\n%s\n", headline(s), gateLine(s))
	var head []string
	if d.Old.Go != d.New.Go {
		head = append(head, fmt.Sprintf("Go: %s → %s", d.Old.Go, d.New.Go))
	}
	if d.Old.VectorsDigest != d.New.VectorsDigest {
		head = append(head, fmt.Sprintf("vector data: %s → %s", shortDigest(d.Old.VectorsDigest), shortDigest(d.New.VectorsDigest)))
	}
	for _, m := range d.Modules {
		head = append(head, fmt.Sprintf("module %s: %s → %s", m.Path, cmp.Or(m.Old, "(absent)"), cmp.Or(m.New, "(absent)")))
	}
	for _, l := range listChanges(d) {
		head = append(head, fmt.Sprintf("%s (%d): %s", l.what, len(l.names), strings.Join(l.names, ", ")))
	}
	for _, n := range d.NotCompared {
		head = append(head, "not compared: "+n)
	}
	if len(head) > 0 {
		b.WriteString("\n" + strings.Join(head, "\n") + "\n")
	}
	for _, a := range d.byAdapter() {
		fmt.Fprintf(b, "\n== %s: %s\n", a.Adapter, a.headline())
		if a.Profile != nil {
			for _, l := range profileLines(a.Profile) {
				b.WriteString(l + "\n")
			}
		}
		for _, g := range a.Causes {
			textCauseGroup(b, g, "OLD", "NEW", changeNote, rfcChange)
		}
		if len(a.Properties) > 0 {
			fmt.Fprintf(b, "\nproperties (%d):\n", len(a.Properties))
			tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "  \tPROPERTY\tMODE\tOLD\tNEW\tCHANGE")
			for _, c := range a.Properties {
				fmt.Fprintf(tw, "%s \t%s\t%s\t%s\t%s\t%s\n", mark(c.Kind), c.New.Property, c.New.RunMode(),
					propertyStatus(c.Old), propertyStatus(c.New), kindText(c.Kind, "status"))
			}
			tw.Flush()
		}
		if len(a.Timelines) > 0 {
			fmt.Fprintf(b, "\ntimelines (%d):\n", len(a.Timelines))
			tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "  \tSETTING\tOLD\tNEW\tCHANGE")
			for _, c := range a.Timelines {
				fmt.Fprintf(tw, "%s \t%s\t%s\t%s\t%s\n", mark(c.Kind), c.Setting, timelineText(c.Old), timelineText(c.New), kindText(c.Kind, "accepted spans"))
			}
			tw.Flush()
		}
		if len(a.Resources) > 0 {
			fmt.Fprintf(b, "\nresource grades (%d):\n", len(a.Resources))
			tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "  \tSHAPE\tOLD\tNEW\tGROWTH\tBYTES/BYTE")
			for _, c := range a.Resources {
				fmt.Fprintf(tw, "%s \t%s\t%s\t%s\t%.2f → %.2f\t%.1f → %.1f\n", mark(c.Kind), c.Shape, sevWord(c.Old.Severity), sevWord(c.New.Severity),
					c.Old.Growth, c.New.Growth, c.Old.AllocPerByte, c.New.AllocPerByte)
			}
			tw.Flush()
		}
		if len(a.Fuzz) > 0 {
			fmt.Fprintf(b, "\nfuzz findings (%d):\n", len(a.Fuzz))
			tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "  \tFILE\tOLD\tNEW")
			for _, c := range a.Fuzz {
				fmt.Fprintf(tw, "%s \t%s\t%s\t%s\n", mark(c.Kind), c.File, fuzzKind(c.Old), fuzzKind(c.New))
			}
			tw.Flush()
		}
	}
}

type namedList struct {
	what  string
	names []string
}

func listChanges(d Delta) []namedList {
	var out []namedList
	for _, l := range []namedList{{"adapters added", d.AdaptersAdded}, {"adapters removed", d.AdaptersRemoved},
		{"vectors added", d.VectorsAdded}, {"vectors removed", d.VectorsRemoved}} {
		if len(l.names) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// textCauseGroup writes one root cause's changes as a text table, its
// outcome columns headed oldCol and newCol; note and rfc give the NOTE
// and RFC cells.
func textCauseGroup(b *bytes.Buffer, g causeGroup, oldCol, newCol string, note, rfc func(Change) string) {
	fmt.Fprintf(b, "\nroot cause %s: %d %s, %d %s (! marks a verdict)\n", g.label(),
		g.Verdicts, plural(g.Verdicts, "verdict", "verdicts"), len(g.Changes), plural(len(g.Changes), "outcome", "outcomes"))
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  \tVECTOR\tMODE\t%s\t%s\tRFC\tSEVERITY\tNOTE\n", oldCol, newCol)
	for _, c := range g.Changes {
		fmt.Fprintf(tw, "%s \t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", mark(c.Kind), c.New.Vector, c.New.Mode,
			c.Old.Outcome(), c.New.Outcome(), rfc(c), severityChange(c.Old.Severity, c.New.Severity), note(c))
	}
	tw.Flush()
}

// changeRow is one changed result with the root-cause group it is listed
// under.
type changeRow struct {
	g causeGroup
	c Change
}

// gravestRows lists the changes of groups gravest first (changed verdicts
// that make or end a security finding, then other verdicts; otherwise in
// group order): the rows a cut Markdown table keeps.
func gravestRows(groups []causeGroup) []changeRow {
	var rows []changeRow
	for _, g := range groups {
		for _, c := range g.Changes {
			rows = append(rows, changeRow{g, c})
		}
	}
	slices.SortStableFunc(rows, func(x, y changeRow) int { return cmp.Compare(gravity(x.c), gravity(y.c)) })
	return rows
}

// mdChangeRows writes the first DiffMarkdownRows rows of a change table
// (gate mark, vector, mode, old, new with its note, RFC, severity, root
// cause); note and rfc return the cells as written, Markdown already.
func mdChangeRows(b *bytes.Buffer, rows []changeRow, note, rfc func(Change) string) {
	for i, r := range rows {
		if i == DiffMarkdownRows {
			break
		}
		c, mark := r.c, ""
		if c.Kind.Gates() {
			mark = "**!**"
		}
		newCell := mdCodeCell(c.New.Outcome())
		if n := note(c); n != "" {
			newCell += " (" + n + ")"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", mark, mdCodeCell(c.New.Vector), c.New.Mode,
			mdCodeCell(c.Old.Outcome()), newCell, rfc(c), severityChange(c.Old.Severity, c.New.Severity), mdCell(r.g.label()))
	}
}

// mdMore writes the "and N more" row of a table cut at DiffMarkdownRows.
func mdMore(b *bytes.Buffer, n, cols int) {
	if n <= DiffMarkdownRows {
		return
	}
	fmt.Fprintf(b, "| | *… and %d more (jwtconform diff without -md lists them all)* |%s\n", n-DiffMarkdownRows, strings.Repeat(" |", cols-2))
}

func diffMarkdown(b *bytes.Buffer, d Delta) {
	s := d.Summary()
	b.WriteString("## jwtconform diff\n\n")
	fmt.Fprintf(b, "**%s**\n\n", mdText(headline(s)))
	fmt.Fprintf(b, "%s\n", mdText(gateLine(s)))
	if d.Old.Go != d.New.Go || len(d.Modules) > 0 || d.Old.VectorsDigest != d.New.VectorsDigest {
		b.WriteString("\n| | old | new |\n|---|---|---|\n")
		if d.Old.Go != d.New.Go {
			fmt.Fprintf(b, "| Go | %s | %s |\n", mdCodeCell(d.Old.Go), mdCodeCell(d.New.Go))
		}
		if d.Old.VectorsDigest != d.New.VectorsDigest {
			fmt.Fprintf(b, "| vector data | %s | %s |\n", mdCodeCell(shortDigest(d.Old.VectorsDigest)), mdCodeCell(shortDigest(d.New.VectorsDigest)))
		}
		for _, m := range d.Modules {
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCodeCell(m.Path), mdCodeCell(cmp.Or(m.Old, "(absent)")), mdCodeCell(cmp.Or(m.New, "(absent)")))
		}
	}
	if ls, nc := listChanges(d), d.NotCompared; len(ls)+len(nc) > 0 {
		b.WriteString("\n")
		for _, l := range ls {
			codes := make([]string, 0, len(l.names))
			for i, n := range l.names {
				if i == DiffMarkdownRows {
					codes = append(codes, fmt.Sprintf("and %d more", len(l.names)-i))
					break
				}
				codes = append(codes, mdCode(n))
			}
			fmt.Fprintf(b, "- %s (%d): %s\n", l.what, len(l.names), strings.Join(codes, ", "))
		}
		for _, n := range nc {
			fmt.Fprintf(b, "- not compared: %s\n", mdText(n))
		}
	}
	for _, a := range d.byAdapter() {
		fmt.Fprintf(b, "\n### %s: %s\n", mdText(a.Adapter), a.headline())
		if a.Profile != nil {
			b.WriteString("\n")
			for _, l := range profileLines(a.Profile) {
				fmt.Fprintf(b, "- %s\n", mdText(l))
			}
		}
		if len(a.Causes) > 0 {
			b.WriteString("\n| root cause | verdicts | outcomes |\n|---|---|---|\n")
			for i, g := range a.Causes {
				if i == DiffMarkdownRows {
					break
				}
				fmt.Fprintf(b, "| %s | %d | %d |\n", mdCell(g.label()), g.Verdicts, len(g.Changes))
			}
			if n := len(a.Causes); n > DiffMarkdownRows {
				fmt.Fprintf(b, "| *… and %d more* | | |\n", n-DiffMarkdownRows)
			}
			b.WriteString("\n| | vector | mode | old | new | RFC | severity | root cause |\n|---|---|---|---|---|---|---|---|\n")
			rows := gravestRows(a.Causes)
			mdChangeRows(b, rows, changeNote, rfcChange)
			mdMore(b, len(rows), 8)
		}
		if len(a.Properties) > 0 {
			b.WriteString("\n| | property | mode | old | new |\n|---|---|---|---|---|\n")
			for i, c := range a.Properties {
				if i == DiffMarkdownRows {
					break
				}
				m := ""
				if c.Kind.Gates() {
					m = "**!**"
				}
				fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", m, mdCodeCell(c.New.Property), c.New.RunMode(), mdCell(propertyStatus(c.Old)), mdCell(propertyStatus(c.New)))
			}
			mdMore(b, len(a.Properties), 5)
		}
		if len(a.Timelines) > 0 {
			b.WriteString("\n| | timeline | old | new |\n|---|---|---|---|\n")
			for _, c := range a.Timelines {
				fmt.Fprintf(b, "| %s | %s | %s | %s |\n", map[bool]string{true: "**!**"}[c.Kind.Gates()], mdCell(c.Setting), mdCodeCell(timelineText(c.Old)), mdCodeCell(timelineText(c.New)))
			}
		}
		if len(a.Resources) > 0 {
			b.WriteString("\n| | resource shape | old grade | new grade |\n|---|---|---|---|\n")
			for _, c := range a.Resources {
				fmt.Fprintf(b, "| **!** | %s | %s | %s |\n", mdCell(c.Shape), sevWord(c.Old.Severity), sevWord(c.New.Severity))
			}
		}
		if len(a.Fuzz) > 0 {
			b.WriteString("\n| | fuzz finding | old | new |\n|---|---|---|---|\n")
			for i, c := range a.Fuzz {
				if i == DiffMarkdownRows {
					break
				}
				fmt.Fprintf(b, "| **!** | %s | %s | %s |\n", mdCodeCell(c.File), fuzzKind(c.Old), fuzzKind(c.New))
			}
			mdMore(b, len(a.Fuzz), 4)
		}
	}
}

func diffJSON(b *bytes.Buffer, d Delta) error {
	v := struct {
		Schema  string      `json:"schema"`
		Gates   bool        `json:"gates"`
		Summary DiffSummary `json:"summary"`
		Old     Suite       `json:"old"`
		New     Suite       `json:"new"`
		Delta
		Adapters []adapterDelta `json:"adapters"`
	}{Schema: DiffSchema, Gates: d.Gates(), Summary: d.Summary(), Old: d.Old, New: d.New, Delta: d, Adapters: d.byAdapter()}
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("report: encode diff: %w", err)
	}
	return nil
}
