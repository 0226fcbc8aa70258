package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/conformance"
)

// Delta is what changed between two runs: module versions, the adapters
// and vectors run, and every result whose outcome or severity differs.
type Delta struct {
	// Old and New are the two runs' suite descriptions.
	Old, New Suite
	// Modules lists adapters whose library version changed.
	Modules []ModuleChange
	// AdaptersAdded and AdaptersRemoved name adapters only one run has.
	AdaptersAdded, AdaptersRemoved []string
	// VectorsAdded and VectorsRemoved name vectors only one run has.
	VectorsAdded, VectorsRemoved []string
	// Changes are the results, present in both runs, whose outcome
	// (verdict and class) or severity changed, in result order.
	Changes []Change
}

// ModuleChange is an adapter whose library version changed.
type ModuleChange struct {
	// Adapter is the adapter's name.
	Adapter string
	// Old and New are module@version in each run.
	Old, New string
}

// Change is one result that differs between two runs.
type Change struct {
	// Old and New are the result in each run.
	Old, New Result
}

// VerdictChanged reports whether the library's verdict changed, not just
// the class of a rejection or the RFC's view of it.
func (c Change) VerdictChanged() bool { return c.Old.Verdict != c.New.Verdict }

// VerdictsChanged counts the changes whose verdict changed; the upgrade
// gate fails when it is not zero.
func (d Delta) VerdictsChanged() int {
	n := 0
	for _, c := range d.Changes {
		if c.VerdictChanged() {
			n++
		}
	}
	return n
}

// Empty reports whether nothing at all changed.
func (d Delta) Empty() bool {
	return len(d.Modules) == 0 && len(d.AdaptersAdded) == 0 && len(d.AdaptersRemoved) == 0 &&
		len(d.VectorsAdded) == 0 && len(d.VectorsRemoved) == 0 && len(d.Changes) == 0
}

// Diff compares two runs.
func Diff(old, new Document) Delta {
	d := Delta{Old: old.Suite, New: new.Suite}
	oldMods := map[string]string{}
	for _, a := range old.Adapters {
		oldMods[a.Name] = a.Module.String()
	}
	newMods := map[string]string{}
	for _, a := range new.Adapters {
		newMods[a.Name] = a.Module.String()
		o, ok := oldMods[a.Name]
		switch {
		case !ok:
			d.AdaptersAdded = append(d.AdaptersAdded, a.Name)
		case o != a.Module.String():
			d.Modules = append(d.Modules, ModuleChange{a.Name, o, a.Module.String()})
		}
	}
	for _, a := range old.Adapters {
		if _, ok := newMods[a.Name]; !ok {
			d.AdaptersRemoved = append(d.AdaptersRemoved, a.Name)
		}
	}
	d.VectorsAdded, d.VectorsRemoved = addedRemoved(vectorIDs(old), vectorIDs(new))

	before := make(map[ResultKey]Result, len(old.Results))
	for _, r := range old.Results {
		before[r.Key()] = r
	}
	for _, r := range new.Results {
		o, ok := before[r.Key()]
		if !ok {
			continue
		}
		if o.Verdict != r.Verdict || o.Class != r.Class || o.Severity != r.Severity {
			d.Changes = append(d.Changes, Change{Old: o, New: r})
		}
	}
	slices.SortStableFunc(d.Changes, func(a, b Change) int {
		return cmp.Or(strings.Compare(a.New.Adapter, b.New.Adapter), strings.Compare(a.New.Vector, b.New.Vector),
			cmp.Compare(modeIndex(a.New.Mode), modeIndex(b.New.Mode)))
	})
	slices.Sort(d.AdaptersAdded)
	slices.Sort(d.AdaptersRemoved)
	return d
}

func vectorIDs(d Document) []string {
	ids := make([]string, len(d.Vectors))
	for i, v := range d.Vectors {
		ids[i] = v.ID
	}
	slices.Sort(ids)
	return ids
}

// addedRemoved compares two sorted lists.
func addedRemoved(old, new []string) (added, removed []string) {
	i, j := 0, 0
	for i < len(old) || j < len(new) {
		switch {
		case j == len(new) || i < len(old) && old[i] < new[j]:
			removed = append(removed, old[i])
			i++
		case i == len(old) || new[j] < old[i]:
			added = append(added, new[j])
			j++
		default:
			i++
			j++
		}
	}
	return added, removed
}

// WriteDiff writes the delta as an aligned text table, or as Markdown when
// markdown is true.
func WriteDiff(w io.Writer, d Delta, markdown bool) error {
	var b bytes.Buffer
	if markdown {
		diffMarkdown(&b, d)
	} else {
		diffText(&b, d)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write diff: %w", err)
	}
	return nil
}

func diffText(b *bytes.Buffer, d Delta) {
	if d.Old.VectorsDigest != d.New.VectorsDigest {
		fmt.Fprintf(b, "vector data changed: %s -> %s\n", shortDigest(d.Old.VectorsDigest), shortDigest(d.New.VectorsDigest))
	}
	if d.Old.Go != d.New.Go {
		fmt.Fprintf(b, "Go: %s -> %s\n", d.Old.Go, d.New.Go)
	}
	if len(d.Modules) > 0 {
		b.WriteString("\nmodule versions changed:\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  ADAPTER\tOLD\tNEW")
		for _, m := range d.Modules {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", m.Adapter, m.Old, m.New)
		}
		tw.Flush()
	}
	for _, l := range []struct {
		what  string
		names []string
	}{{"adapters added", d.AdaptersAdded}, {"adapters removed", d.AdaptersRemoved}, {"vectors added", d.VectorsAdded}, {"vectors removed", d.VectorsRemoved}} {
		if len(l.names) > 0 {
			fmt.Fprintf(b, "%s (%d): %s\n", l.what, len(l.names), strings.Join(l.names, ", "))
		}
	}
	if len(d.Changes) == 0 {
		b.WriteString("\nno outcome changed\n")
		return
	}
	fmt.Fprintf(b, "\n%d outcomes changed, %d of them verdicts (marked !):\n", len(d.Changes), d.VerdictsChanged())
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  \tADAPTER\tVECTOR\tMODE\tOLD\tNEW\tRFC\tSEVERITY")
	for _, c := range d.Changes {
		mark := " "
		if c.VerdictChanged() {
			mark = "!"
		}
		fmt.Fprintf(tw, "%s \t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", mark, c.New.Adapter, c.New.Vector, c.New.Mode,
			c.Old.Outcome(), c.New.Outcome(), rfcChange(c), severityChange(c))
	}
	tw.Flush()
}

func diffMarkdown(b *bytes.Buffer, d Delta) {
	b.WriteString("## jwtconform diff\n\n")
	if d.Old.VectorsDigest != d.New.VectorsDigest {
		fmt.Fprintf(b, "- vector data changed: %s → %s\n", mdCode(shortDigest(d.Old.VectorsDigest)), mdCode(shortDigest(d.New.VectorsDigest)))
	}
	if d.Old.Go != d.New.Go {
		fmt.Fprintf(b, "- Go: %s → %s\n", d.Old.Go, d.New.Go)
	}
	for _, l := range []struct {
		what  string
		names []string
	}{{"adapters added", d.AdaptersAdded}, {"adapters removed", d.AdaptersRemoved}, {"vectors added", d.VectorsAdded}, {"vectors removed", d.VectorsRemoved}} {
		if len(l.names) > 0 {
			codes := make([]string, len(l.names))
			for i, n := range l.names {
				codes[i] = mdCode(n)
			}
			fmt.Fprintf(b, "- %s (%d): %s\n", l.what, len(l.names), strings.Join(codes, ", "))
		}
	}
	if len(d.Modules) > 0 {
		b.WriteString("\n### Module versions\n\n| adapter | old | new |\n|---|---|---|\n")
		for _, m := range d.Modules {
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(m.Adapter), mdCode(m.Old), mdCode(m.New))
		}
	}
	if len(d.Changes) == 0 {
		b.WriteString("\nNo outcome changed.\n")
		return
	}
	fmt.Fprintf(b, "\n### Outcomes (%d changed, %d verdicts)\n\n", len(d.Changes), d.VerdictsChanged())
	b.WriteString("| | adapter | vector | mode | old | new | RFC | severity |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range d.Changes {
		mark := ""
		if c.VerdictChanged() {
			mark = "**!**"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", mark, mdCell(c.New.Adapter), mdCode(c.New.Vector), c.New.Mode,
			mdCode(c.Old.Outcome()), mdCode(c.New.Outcome()), rfcChange(c), severityChange(c))
	}
}

func rfcChange(c Change) string {
	if c.Old.RFC == c.New.RFC {
		return string(c.New.RFC)
	}
	return string(c.Old.RFC) + " -> " + string(c.New.RFC)
}

func severityChange(c Change) string {
	o, n := sevWord(c.Old.Severity), sevWord(c.New.Severity)
	if o == n {
		return n
	}
	return o + " -> " + n
}

func sevWord(s conformance.Severity) string { return cmp.Or(string(s), "none") }
