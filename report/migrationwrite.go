package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/conformance"
)

// MigrationSchema identifies the -json form of a migration.
const MigrationSchema = "jwtconform-migration/v1"

// WriteMigration writes a migration in format f: text and JSON complete,
// Markdown with tables cut at DiffMarkdownRows rows.
func WriteMigration(w io.Writer, m Migration, f DiffFormat) error {
	var b bytes.Buffer
	switch f {
	case DiffMarkdown:
		migrationMarkdown(&b, m)
	case DiffJSON:
		v := struct {
			Schema string `json:"schema"`
			Migration
			Causes []causeGroup `json:"causes"`
		}{MigrationSchema, m, m.groups()}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("report: encode migration: %w", err)
		}
	default:
		migrationText(&b, m)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write migration: %w", err)
	}
	return nil
}

// groups are the compared changes grouped by the root causes From's and
// To's results name, the most verdicts first.
func (m Migration) groups() []causeGroup {
	at := map[[2]string]int{}
	out := []causeGroup{}
	for _, c := range m.Changes {
		k := [2]string{causeLabel(c.Old, m.fromCauses), causeLabel(c.New, m.toCauses)}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, causeGroup{Old: k[0], New: k[1]})
		}
		out[i].Changes = append(out[i].Changes, c)
		if c.Kind.Gates() {
			out[i].Verdicts++
		}
	}
	slices.SortFunc(out, func(x, y causeGroup) int {
		return cmp.Or(cmp.Compare(y.Verdicts, x.Verdicts), cmp.Compare(len(y.Changes), len(x.Changes)), strings.Compare(x.label(), y.label()))
	})
	return out
}

// Headline is the migration's counts in one line.
func (s MigrationSummary) Headline() string {
	h := fmt.Sprintf("%d %s change, %d %s in all, over %d results both give a verdict on", s.Verdicts, plural(s.Verdicts, "verdict", "verdicts"),
		s.Outcomes, plural(s.Outcomes, "outcome", "outcomes"), s.Compared)
	var notes []string
	if s.Supported > 0 {
		notes = append(notes, fmt.Sprintf("%d only %s can express", s.Supported, s.To))
	}
	if s.Unsupported > 0 {
		notes = append(notes, fmt.Sprintf("%d only %s can express", s.Unsupported, s.From))
	}
	if len(notes) > 0 {
		h += " (not compared: " + strings.Join(notes, "; ") + ")"
	}
	return h
}

// severityShifts is "security +2 −57, interop +21 −0" over the
// severities from the first given on that moved, or "none".
func (s MigrationSummary) severityShifts(sevs []conformance.Severity) string {
	var parts []string
	for _, sev := range sevs {
		g, l := s.Gained.Of(sev), s.Lost.Of(sev)
		if g+l > 0 {
			parts = append(parts, fmt.Sprintf("%s +%d −%d", sev, g, l))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// OtherSeverities is how the severities other than security moved:
// "interop +21 −3, policy +0 −12" (+ gained, − lost), or "none".
func (s MigrationSummary) OtherSeverities() string {
	return s.severityShifts(conformance.Severities[1:])
}

func migrationText(b *bytes.Buffer, m Migration) {
	s := m.Summary
	fmt.Fprintf(b, "jwtconform diff -adapters: %s → %s\n", s.From, s.To)
	fmt.Fprintf(b, "modules: %s → %s\n", s.FromModule, s.ToModule)
	fmt.Fprintf(b, "%s\n", s.Headline())
	fmt.Fprintf(b, "severities (+ gained, − lost): %s\n", s.severityShifts(conformance.Severities))
	for _, l := range []struct {
		what  string
		parts []CausePart
	}{{fmt.Sprintf("root causes lost (%s has them, %s does not)", s.From, s.To), m.Lost},
		{fmt.Sprintf("root causes gained (%s has them, %s does not)", s.To, s.From), m.Gained}} {
		fmt.Fprintf(b, "\n%s: %d\n", l.what, len(l.parts))
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		for _, p := range l.parts {
			fmt.Fprintf(tw, "  %s\t%s\t%d %s\t%s\n", p.Severity, p.ID, p.Results, plural(p.Results, "result", "results"), p.Summary)
		}
		tw.Flush()
	}
	for _, g := range m.groups() {
		textCauseGroup(b, g, "FROM", "TO", migrationNote, newRFC)
	}
	if len(m.Expressible) > 0 {
		fmt.Fprintf(b, "\nnot compared, only one adapter can express the options (%d):\n", len(m.Expressible))
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  \tVECTOR\tMODE\tFROM\tTO\tRFC\tSEVERITY")
		for _, c := range m.Expressible {
			fmt.Fprintf(tw, "  \t%s\t%s\t%s\t%s\t%s\t%s\n", c.New.Vector, c.New.Mode, c.Old.Outcome(), c.New.Outcome(), c.New.RFC,
				severityChange(c.Old.Severity, c.New.Severity))
		}
		tw.Flush()
	}
	b.WriteString("\ninformational: jwtconform diff -adapters exits 0 whatever changes\n")
}

// migrationNote calls out a change that is not a verdict.
func migrationNote(c Change) string {
	switch c.Kind {
	case KindVerdict:
		return ""
	case KindExplained:
		if c.New.Explained {
			return "only the explanation: the new adapter's profile explains it"
		}
		return "only the explanation: the new adapter's profile does not explain it"
	}
	return changeNote(c)
}

func migrationMarkdown(b *bytes.Buffer, m Migration) {
	s := m.Summary
	fmt.Fprintf(b, "## jwtconform diff -adapters: %s → %s\n\n", mdCode(s.From), mdCode(s.To))
	fmt.Fprintf(b, "%s → %s\n\n", mdCode(s.FromModule), mdCode(s.ToModule))
	fmt.Fprintf(b, "**%s**\n\n", mdText(s.Headline()))
	b.WriteString("| severity | gained | lost |\n|---|--:|--:|\n")
	for _, sev := range conformance.Severities {
		fmt.Fprintf(b, "| %s | %d | %d |\n", severityWord[sev], s.Gained.Of(sev), s.Lost.Of(sev))
	}
	for _, l := range []struct {
		what  string
		parts []CausePart
	}{{fmt.Sprintf("root causes lost (%s has them, %s does not)", mdCode(s.From), mdCode(s.To)), m.Lost},
		{fmt.Sprintf("root causes gained (%s has them, %s does not)", mdCode(s.To), mdCode(s.From)), m.Gained}} {
		fmt.Fprintf(b, "\n%s: %d\n", l.what, len(l.parts))
		if len(l.parts) == 0 {
			continue
		}
		b.WriteString("\n| root cause | severity | results | what it is |\n|---|---|--:|---|\n")
		for i, p := range l.parts {
			if i == DiffMarkdownRows {
				fmt.Fprintf(b, "| *… and %d more* | | | |\n", len(l.parts)-i)
				break
			}
			fmt.Fprintf(b, "| %s | %s | %d | %s |\n", mdCodeCell(p.ID), severityWord[p.Severity], p.Results, mdCell(p.Summary))
		}
	}
	groups := m.groups()
	if len(groups) > 0 {
		b.WriteString("\n| root cause (from → to) | verdicts | outcomes |\n|---|--:|--:|\n")
		for i, g := range groups {
			if i == DiffMarkdownRows {
				fmt.Fprintf(b, "| *… and %d more* | | |\n", len(groups)-i)
				break
			}
			fmt.Fprintf(b, "| %s | %d | %d |\n", mdCell(g.label()), g.Verdicts, len(g.Changes))
		}
		rows := gravestRows(groups)
		fmt.Fprintf(b, "\n| | vector | mode | %s | %s | RFC | severity | root cause |\n|---|---|---|---|---|---|---|---|\n", mdCell(s.From), mdCell(s.To))
		mdChangeRows(b, rows, func(c Change) string { return mdCell(migrationNote(c)) }, newRFC)
		if len(rows) > DiffMarkdownRows {
			fmt.Fprintf(b, "| | *… and %d more (jwtconform diff -adapters without -md lists them all)* | | | | | | |\n", len(rows)-DiffMarkdownRows)
		}
	}
	if n := len(m.Expressible); n > 0 {
		fmt.Fprintf(b, "\nNot compared: %d %s only one adapter can express the options of (listed without -md).\n", n, plural(n, "result", "results"))
	}
}

// mdMigrations writes report.md's section on the built-in migrations:
// one row of counts each; jwtconform diff -adapters lists the changes.
func mdMigrations(b *bytes.Buffer, d Document) {
	if len(d.Migrations) == 0 {
		return
	}
	b.WriteString("## Migrations\n\n")
	b.WriteString("What changes when an application moves from one verification path to another, over the results both give a verdict on; `jwtconform diff -adapters FROM TO` lists every change by root cause.\n\n")
	b.WriteString("| from → to | verdicts change | security findings gained / lost | other severities (+ gained, − lost) | root causes gained | root causes lost |\n|---|--:|--:|---|---|---|\n")
	for _, s := range d.Migrations {
		verdicts := fmt.Sprintf("%d of %d", s.Verdicts, s.Compared)
		if s.Supported > 0 {
			verdicts += fmt.Sprintf(" (+%d newly expressible)", s.Supported)
		}
		fmt.Fprintf(b, "| %s → %s | %s | %s / %s | %s | %s | %s |\n", mdCodeCell(s.From), mdCodeCell(s.To), verdicts,
			boldIf(s.Gained.Security), strconv.Itoa(s.Lost.Security), s.OtherSeverities(),
			codeList(s.RootCausesGained), codeList(s.RootCausesLost))
	}
	b.WriteString("\n")
}

// codeList is ids as code spans separated by commas, or "–".
func codeList(ids []string) string {
	if len(ids) == 0 {
		return "–"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = mdCodeCell(id)
	}
	return strings.Join(out, ", ")
}

// newRFC is the RFC cell of a migration's change: both paths judge one
// vector, so the RFC's verdict is the same on both sides.
func newRFC(c Change) string { return string(c.New.RFC) }
