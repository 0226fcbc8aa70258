package report

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
)

// This file builds the root-cause view that report.html opens with: a
// headline, a library × severity table, and per adapter its root causes,
// gravest first, each with the smallest reproduction. The vectors of a
// root cause are not rendered here: the page's script lists them from the
// data block when a reader opens one, which keeps the page small.

// Unexplained is the id under which report.html groups an adapter's
// results that its profile does not predict: they have no root cause yet.
const Unexplained = "unexplained"

// payloadPreviewLen is how much of a payload a collapsed root cause shows.
const payloadPreviewLen = 96

// htmlRootCause is one entry of the root-cause view.
type htmlRootCause struct {
	RootCause
	// Index is the entry's index in the data block's rootCauses, which
	// each result of it refers to.
	Index int
	// Cat is the badge's category: a severity, or Unexplained.
	Cat  string
	Mark CategoryMark
	// Modes are the letters of its modes, each with its tooltip.
	Modes []htmlColumn
	// Repro is the smallest reproduction.
	Repro htmlRepro
}

// htmlRepro is a result shown so that a reader can reproduce it. The
// page shows Preview and the clock on the root cause's line; its script
// shows the full payload and the command from the data block's vector
// VectorIndex when the root cause is opened, so that they are not
// written twice.
type htmlRepro struct {
	VectorIndex          int
	Vector, Mode, Letter string
	// Preview is the first payloadPreviewLen characters of the claims
	// set as text, or of "base64: ..." when it is not UTF-8.
	Preview     string
	Now, Leeway string
}

// htmlAdapterCauses is one adapter's part of the root-cause view: the
// unexplained group and every root cause but the info ones, then the info
// ones folded, since they are points the RFC leaves open.
type htmlAdapterCauses struct {
	A          int
	Name       string
	Module     string
	Path       string
	ExplicitNA bool
	Counts     string
	Main       []htmlRootCause
	Info       []htmlRootCause
	// InfoResults counts the results the info root causes explain.
	InfoResults int
}

// htmlHeadlineCell is one cell of the library × severity table.
type htmlHeadlineCell struct {
	Cat             string
	Causes, Results int
	Title           string
}

// htmlHeadlineRow is one adapter's line of the library × severity table.
type htmlHeadlineRow struct {
	A          int
	Name       string
	Module     string
	ExplicitNA bool
	Cells      []htmlHeadlineCell
}

// htmlHeadline is what the page says first.
type htmlHeadline struct {
	// Text is the headline paragraph's sentences.
	Text []template.HTML
	// Columns are the table's categories: the severities, then
	// unexplained.
	Columns []CategoryMark
	Rows    []htmlHeadlineRow
}

// unexplainedMark is how the view marks the results no profile predicts.
var unexplainedMark = CategoryMark{Category: Unexplained, Symbol: "⚑",
	Meaning: "the adapter's profile does not predict it: a new bug, a changed library or a wrong profile; no root cause until the profile says why"}

// rootCauseView builds the root-cause view and, for the data block, the
// index of the view's entry each result belongs to (-1 for none).
func rootCauseView(d Document) ([]htmlAdapterCauses, []int) {
	of := make([]int, len(d.Results))
	for i := range of {
		of[i] = -1
	}
	var out []htmlAdapterCauses
	n := 0
	for ai, a := range d.Adapters {
		ac := htmlAdapterCauses{A: ai, Name: a.Name, Module: a.Module.String(), Path: verificationPath(a.Name),
			ExplicitNA: ExplicitUnsupported(d, a.Name), Counts: a.Score.RootCauses.String()}
		entries := make([]htmlRootCause, 0, len(a.RootCauses)+1)
		if u, ok := unexplainedGroup(&d, a.Name); ok {
			entries = append(entries, newHTMLRootCause(&d, u, Unexplained, unexplainedMark))
		}
		for _, rc := range a.RootCauses {
			entries = append(entries, newHTMLRootCause(&d, rc, string(rc.Severity), markOf(string(rc.Severity))))
		}
		at := map[string]int{}
		for i := range entries {
			entries[i].Index = n + i
			at[entries[i].ID] = n + i
		}
		for ri, r := range d.Results {
			if r.Adapter != a.Name {
				continue
			}
			switch {
			case !r.Explained:
				of[ri] = at[Unexplained]
			case r.Severity != conformance.None:
				if k, ok := at[rootCauseKey(r)]; ok {
					of[ri] = k
				}
			}
		}
		n += len(entries)
		for _, e := range entries {
			if e.Cat == string(conformance.Info) {
				ac.Info = append(ac.Info, e)
				ac.InfoResults += e.Results
			} else {
				ac.Main = append(ac.Main, e)
			}
		}
		out = append(out, ac)
	}
	return out, of
}

// unexplainedGroup gathers an adapter's unexplained results as one entry,
// with its gravest severity and smallest example.
func unexplainedGroup(d *Document, adapter string) (RootCause, bool) {
	u := RootCause{ID: Unexplained, Summary: "outcomes the profile does not predict: a new bug, a changed library or a wrong profile"}
	found := false
	for _, r := range d.Results {
		if r.Adapter != adapter || r.Explained {
			continue
		}
		if !found || r.Severity.Worse(u.Severity) || r.Severity == u.Severity && smaller(d, r.Key(), u.Example) {
			u.Severity, u.Example = r.Severity, r.Key()
		}
		found = true
		u.Results++
		if !slices.Contains(u.Modes, r.Mode) {
			u.Modes = append(u.Modes, r.Mode)
		}
	}
	slices.SortFunc(u.Modes, func(x, y conformance.Mode) int { return cmp.Compare(modeIndex(x), modeIndex(y)) })
	return u, found
}

func newHTMLRootCause(d *Document, rc RootCause, cat string, mark CategoryMark) htmlRootCause {
	vi, _ := slices.BinarySearchFunc(d.Vectors, rc.Example.Vector, func(v Vector, id string) int { return strings.Compare(v.ID, id) })
	e := htmlRootCause{RootCause: rc, Cat: cat, Mark: mark, Repro: repro(d.vector(rc.Example.Vector), rc.Example.Mode)}
	e.Repro.VectorIndex = vi
	for _, m := range rc.Modes {
		e.Modes = append(e.Modes, htmlColumn{M: m, Label: modeLetter(m), Title: cmp.Or(modeTitles[m], string(m))})
	}
	return e
}

// modeLetter is the letter a mode shows as: E or D.
func modeLetter(m conformance.Mode) string {
	if m == "" {
		return ""
	}
	return strings.ToUpper(string(m[:1]))
}

// repro shows vector v in mode m as a reader reproduces it.
func repro(v Vector, m conformance.Mode) htmlRepro {
	p := htmlRepro{Vector: v.ID, Mode: string(m), Letter: modeLetter(m), Now: v.Now, Leeway: v.Leeway}
	if m == conformance.Defaults {
		p.Leeway = "library default"
	} else {
		p.Leeway += v.policies()
	}
	if v.Payload != nil {
		p.Preview = truncateRunes(*v.Payload, payloadPreviewLen)
	} else {
		p.Preview = truncateRunes("base64: "+v.PayloadBase64, payloadPreviewLen)
	}
	return p
}

// truncateRunes cuts s to at most n runes, marking the cut.
func truncateRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// textEscaper escapes what HTML text content needs escaped, and leaves
// the quotes of a JSON payload alone: html/template's &#34; would triple
// the size of the payloads the page shows.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// textHTML is s as HTML text content; never use it in an attribute.
func textHTML(s string) template.HTML { return template.HTML(textEscaper.Replace(s)) }

// causesHeadline builds the paragraph and the library × severity table.
func causesHeadline(d Document, view []htmlAdapterCauses) htmlHeadline {
	h := htmlHeadline{}
	for _, s := range conformance.Severities {
		h.Columns = append(h.Columns, markOf(string(s)))
	}
	h.Columns = append(h.Columns, unexplainedMark)
	departures, causes, unexplained := 0, 0, 0
	type who struct {
		name            string
		causes, results int
	}
	var secure, insecure []who
	for _, ac := range view {
		a := d.Adapters[ac.A]
		row := htmlHeadlineRow{A: ac.A, Name: a.Name, Module: a.Module.String(), ExplicitNA: ac.ExplicitNA}
		sec := who{name: a.Name}
		for _, s := range conformance.Severities {
			c := htmlHeadlineCell{Cat: string(s)}
			for _, e := range slices.Concat(ac.Main, ac.Info) {
				if e.Cat == string(s) {
					c.Causes++
					c.Results += e.Results
				}
			}
			c.Title = fmt.Sprintf("%s: %d %s root cause(s), explaining %d result(s)", a.Name, c.Causes, s, c.Results)
			if s == conformance.Security {
				sec.causes, sec.results = c.Causes, a.Score.Security
			}
			causes += c.Causes
			departures += c.Results
			row.Cells = append(row.Cells, c)
		}
		u := htmlHeadlineCell{Cat: Unexplained}
		if len(ac.Main) > 0 && ac.Main[0].Cat == Unexplained {
			u.Results = ac.Main[0].Results
		}
		u.Title = fmt.Sprintf("%s: %d result(s) the profile does not predict", a.Name, u.Results)
		unexplained += u.Results
		row.Cells = append(row.Cells, u)
		h.Rows = append(h.Rows, row)
		if sec.causes > 0 {
			insecure = append(insecure, sec)
		} else {
			secure = append(secure, sec)
		}
	}
	esc := template.HTMLEscapeString
	h.Text = append(h.Text, template.HTML(fmt.Sprintf(
		"%d vectors × %d adapters × %d modes: %d results depart from RFC 7519, explained by %d root causes; %s.",
		len(d.Vectors), len(d.Adapters), len(conformance.Modes), departures, causes,
		map[bool]string{true: "no outcome is unexplained", false: fmt.Sprintf("<b>%d results are unexplained</b> (⚑ below: a new bug, a changed library or a wrong profile)", unexplained)}[unexplained == 0])))
	if len(insecure) == 0 {
		h.Text = append(h.Text, "No adapter accepts a token the RFC requires to be rejected for a time reason.")
	} else {
		parts := make([]string, len(insecure))
		for i, w := range insecure {
			parts[i] = fmt.Sprintf("<b>%s</b> (%d %s; %d %s graded security)", esc(w.name), w.causes, plural(w.causes, "root cause", "root causes"), w.results, plural(w.results, "result", "results"))
		}
		who := strings.Join(parts, ", ")
		if len(insecure) > 4 {
			// A long list reads worse than the table's security column.
			who = fmt.Sprintf("<b>%d of %d verification paths</b> (the security column below)", len(insecure), len(view))
		}
		s := fmt.Sprintf(`<span class="badge security">%s security</span> %s accept%s tokens the RFC requires to be rejected for a time reason`,
			esc(markOf(string(conformance.Security)).Symbol), who, map[bool]string{true: "s", false: ""}[len(insecure) == 1])
		if len(secure) > 0 {
			names := make([]string, len(secure))
			for i, w := range secure {
				names[i] = `<span class="nw">` + esc(w.name) + `</span>`
			}
			s += "; " + strings.Join(names, ", ") + " do" + map[bool]string{true: "es", false: ""}[len(secure) == 1] + " not"
		}
		h.Text = append(h.Text, template.HTML(s+"."))
	}
	return h
}

// codeSpans escapes s and shows its `backquoted` parts as code, as the
// root causes' Avoid text writes adapter names.
func codeSpans(s string) template.HTML {
	parts := strings.Split(s, "`")
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
			continue
		}
		if i%2 == 1 {
			b.WriteString("`")
		}
		b.WriteString(template.HTMLEscapeString(p))
	}
	return template.HTML(b.String())
}
