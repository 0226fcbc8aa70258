package report

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
)

// HistoryStep is one version of a library in a history: the results of
// the suite built against it, or the compiler's complaint when the suite
// does not build against it.
type HistoryStep struct {
	// Version is the library's version.
	Version string
	// Results is the run's results.json; nil when the build failed.
	Results *Document
	// BuildFailure holds the compiler's first lines when the build
	// failed.
	BuildFailure []string
}

// WriteHistory writes, as Markdown, how the outcomes of the suite changed
// across versions of module: a line per version, the vector outcomes and
// property results that differ between versions, one column per version,
// and the diff of each version against the one measured before it. The
// steps are taken in the order given, which should be release order.
func WriteHistory(w io.Writer, module string, steps []HistoryStep) error {
	var b bytes.Buffer
	var measured []HistoryStep
	for _, s := range steps {
		if s.Results != nil {
			measured = append(measured, s)
		}
	}
	fmt.Fprintf(&b, "# History of %s\n\n", mdCode(module))
	if len(measured) > 0 {
		s := measured[len(measured)-1].Results.Suite
		fmt.Fprintf(&b, "Measured by `jwtconform history`: the suite (version %s, vectors %s, %s) built and run once per version of %s. ",
			s.Version, mdCode(shortDigest(s.VectorsDigest)), s.Go, mdCode(module))
	}
	b.WriteString("A bold cell differs from the version measured before it.\n\n")

	b.WriteString("| version | build | outcomes changed | verdicts changed | property results changed |\n|---|---|---|---|---|\n")
	var prev *Document
	for _, s := range steps {
		switch {
		case s.Results == nil:
			first := ""
			if len(s.BuildFailure) > 0 {
				first = ": " + mdCode(firstError(s.BuildFailure))
			}
			fmt.Fprintf(&b, "| %s | fails%s | | | |\n", mdCode(s.Version), first)
		case prev == nil:
			fmt.Fprintf(&b, "| %s | ok | (first measured) | | |\n", mdCode(s.Version))
		default:
			d := Diff(*prev, *s.Results)
			fmt.Fprintf(&b, "| %s | ok | %d | %d | %d |\n", mdCode(s.Version), len(d.Changes), d.VerdictsChanged(), len(propertyKeysChanged(*prev, *s.Results)))
		}
		if s.Results != nil {
			prev = s.Results
		}
	}

	historyOutcomes(&b, measured)
	historyProperties(&b, measured)

	if len(measured) > 1 {
		b.WriteString("\n## Each version against the one before\n")
		for i := 1; i < len(measured); i++ {
			fmt.Fprintf(&b, "\n### %s (from %s)\n\n", measured[i].Version, measured[i-1].Version)
			var diff bytes.Buffer
			if err := WriteDiff(&diff, Diff(*measured[i-1].Results, *measured[i].Results), true); err != nil {
				return err
			}
			b.WriteString(demote(diff.String()))
		}
	}
	for _, s := range steps {
		if s.Results == nil {
			fmt.Fprintf(&b, "\n## %s does not build\n\n```text\n%s\n```\n", s.Version, strings.Join(s.BuildFailure, "\n"))
		}
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write history: %w", err)
	}
	return nil
}

// historyOutcomes writes the vector outcomes that are not the same in
// every measured version, one column per version.
func historyOutcomes(b *bytes.Buffer, measured []HistoryStep) {
	cells := map[ResultKey][]string{}
	for i, s := range measured {
		for _, r := range s.Results.Results {
			row, ok := cells[r.Key()]
			if !ok {
				row = make([]string, len(measured))
				cells[r.Key()] = row
			}
			row[i] = r.Outcome()
		}
	}
	var keys []ResultKey
	for k, row := range cells {
		if !allSame(row) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b ResultKey) int {
		return cmp.Or(strings.Compare(a.Adapter, b.Adapter), strings.Compare(a.Vector, b.Vector), cmp.Compare(modeIndex(a.Mode), modeIndex(b.Mode)))
	})
	fmt.Fprintf(b, "\n## Vector outcomes that change (%d)\n\n", len(keys))
	if len(keys) == 0 {
		b.WriteString("Every vector outcome is the same in every version measured.\n")
		return
	}
	historyHeader(b, []string{"adapter", "vector", "mode"}, measured)
	for _, k := range keys {
		fmt.Fprintf(b, "| %s | %s | %s |", mdCell(k.Adapter), mdCode(k.Vector), k.Mode)
		historyCells(b, cells[k])
	}
}

func keyOfProperty(p conformance.PropertyResult) propertyKey {
	return propertyKey{p.Adapter, p.Property, cmp.Or(p.Mode, conformance.Explicit)}
}

// propertyKeysChanged lists the property results whose status differs
// between two runs, present in both.
func propertyKeysChanged(old, new Document) []propertyKey {
	before := map[propertyKey]conformance.PropertyStatus{}
	for _, p := range old.Properties {
		before[keyOfProperty(p)] = p.Status
	}
	var out []propertyKey
	for _, p := range new.Properties {
		if s, ok := before[keyOfProperty(p)]; ok && s != p.Status {
			out = append(out, keyOfProperty(p))
		}
	}
	return out
}

// historyProperties writes the property results whose status is not the
// same in every measured version.
func historyProperties(b *bytes.Buffer, measured []HistoryStep) {
	cells := map[propertyKey][]string{}
	for i, s := range measured {
		for _, p := range s.Results.Properties {
			row, ok := cells[keyOfProperty(p)]
			if !ok {
				row = make([]string, len(measured))
				cells[keyOfProperty(p)] = row
			}
			row[i] = string(p.Status)
		}
	}
	var keys []propertyKey
	for k, row := range cells {
		if !allSame(row) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b propertyKey) int {
		return cmp.Or(strings.Compare(a.adapter, b.adapter), strings.Compare(a.property, b.property), cmp.Compare(modeIndex(a.mode), modeIndex(b.mode)))
	})
	fmt.Fprintf(b, "\n## Property results that change (%d)\n\n", len(keys))
	if len(keys) == 0 {
		b.WriteString("Every property result is the same in every version measured.\n")
		return
	}
	historyHeader(b, []string{"adapter", "property", "mode"}, measured)
	for _, k := range keys {
		fmt.Fprintf(b, "| %s | %s | %s |", mdCell(k.adapter), mdCode(k.property), k.mode)
		historyCells(b, cells[k])
	}
}

func historyHeader(b *bytes.Buffer, first []string, measured []HistoryStep) {
	b.WriteString("| " + strings.Join(first, " | ") + " |")
	for _, s := range measured {
		fmt.Fprintf(b, " %s |", mdCell(s.Version))
	}
	b.WriteString("\n|" + strings.Repeat("---|", len(first)+len(measured)) + "\n")
}

// historyCells ends a row with one cell per version, bold where the
// value differs from the one before; "–" where a version lacks it.
func historyCells(b *bytes.Buffer, row []string) {
	for i, c := range row {
		cell := "–"
		if c != "" {
			cell = mdCode(c)
		}
		if i > 0 && c != row[i-1] {
			cell = "**" + cell + "**"
		}
		fmt.Fprintf(b, " %s |", cell)
	}
	b.WriteString("\n")
}

func allSame(row []string) bool {
	for _, c := range row[1:] {
		if c != row[0] {
			return false
		}
	}
	return true
}

// firstError is the first compiler error of a build failure, skipping
// the "# package" headers.
func firstError(lines []string) string {
	for _, l := range lines {
		if !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return lines[0]
}

// demote nests a diff's Markdown under a history's headings: its title
// goes (the history names the versions), every other heading moves down
// one level.
func demote(md string) string {
	var b strings.Builder
	sc := bufio.NewScanner(strings.NewReader(md))
	sc.Buffer(nil, 1<<20)
	for first := true; sc.Scan(); first = false {
		l := sc.Text()
		if first && strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "#") {
			l = "#" + l
		}
		b.WriteString(l + "\n")
	}
	return strings.TrimLeft(b.String(), "\n")
}
