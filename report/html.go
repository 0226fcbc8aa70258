package report

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assets embed.FS

// htmlTemplate is the page template, parsed once.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"badge":      func(s conformance.Severity) string { return cmp.Or(string(s), "agree") },
		"mark":       func(s conformance.Severity) CategoryMark { return markOf(cmp.Or(string(s), "agree")) },
		"code":       codeSpans,
		"text":       textHTML,
		"modeTitle":  func(m conformance.Mode) string { return modeTitles[m] },
		"modeLetter": modeLetter,
	}).ParseFS(assets, "assets/report.html.tmpl"))
})

// Categories are what the severity filter of report.html offers: the
// severities, gravest first, then "agree" for an outcome the RFC requires
// and "unsupported" for a test the library cannot express.
var Categories = []string{string(conformance.Security), string(conformance.Lenient), string(conformance.Interop),
	string(conformance.Policy), string(conformance.Info), "agree", "unsupported"}

// CategoryMark is how report.html shows a category besides its colour: a
// symbol in every cell and badge, and words in the legend and tooltips,
// so that no reader depends on telling colours apart.
type CategoryMark struct {
	// Category is one of Categories.
	Category string `json:"category"`
	// Symbol is drawn after the verdict in a cell and before the word in
	// a badge; empty for agree, whose cell needs no warning, and for
	// unsupported, whose verdict "–" already says it.
	Symbol string `json:"symbol"`
	// Meaning says what the category is, in a phrase.
	Meaning string `json:"meaning"`
}

// CategoryMarks lists a mark for every category, in the order of
// Categories. A category without one would be told by colour alone. The
// meanings shorten conformance.Rules, which say when each applies.
var CategoryMarks = []CategoryMark{
	{string(conformance.Security), "!", "accepts a token the RFC requires to be rejected for a time reason, beyond any permitted leeway; or panics or hangs"},
	{string(conformance.Lenient), "≈", "accepts malformed input the RFC requires to be rejected, whose time claims would still pass"},
	{string(conformance.Interop), "⊘", "rejects a token the RFC requires to be accepted"},
	{string(conformance.Policy), "§", "a choice the RFC permits that a user must know: a default leeway of at most 5 minutes, a claim required, iat checked, a key-length rule"},
	{string(conformance.Info), "?", "a point the RFC leaves to the implementation: either verdict conforms"},
	{"agree", "", "what the RFC requires"},
	{"unsupported", "", "the verification path cannot express an option the vector needs (a leeway, a required claim, a sub-second clock, a max age): not run, never counted as agreeing or failing"},
}

// markOf is the mark of category c.
func markOf(c string) CategoryMark {
	for _, m := range CategoryMarks {
		if m.Category == c {
			return m
		}
	}
	return CategoryMark{Category: c, Meaning: c}
}

// WriteHTML writes report.html: one self-contained page (inline style,
// script and data; nothing loaded from the network) that opens with the
// root causes (a headline, a library × severity table, and per adapter
// its root causes, gravest first, each with its smallest reproduction and
// expandable to its vectors) and the acceptance timeline, then the
// scoreboard, the vectors × adapters matrix grouped by result pattern, filters by
// adapter, mode, severity, topic and flag, a side panel with everything
// about a clicked cell, and the deviations, properties, resources and
// fuzzing sections.
func WriteHTML(w io.Writer, d Document) error {
	page, err := newHTMLPage(d)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Grow(len(d.Results)*110 + 64<<10)
	if err := htmlTemplate().Execute(&b, page); err != nil {
		return fmt.Errorf("report: render html: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write html: %w", err)
	}
	return nil
}

// htmlPage is the template's data.
type htmlPage struct {
	Doc        *Document
	Headline   htmlHeadline
	Causes     []htmlAdapterCauses
	Digest     string
	Modes      []conformance.Mode
	Categories []string
	Marks      []CategoryMark
	Board      []htmlBoardRow
	Topics     []string
	Flags      []string
	Columns    []htmlColumn
	Groups     []htmlGroup
	Deviations []DeviationRow
	Properties htmlSection[conformance.PropertyResult]
	Resources  htmlSection[conformance.ResourceResult]
	Fuzz       htmlSection[conformance.FuzzFinding]
	Timeline   template.HTML
	CSS        template.CSS
	JS         template.JS
	Data       template.JS
}

// htmlBoardRow is one adapter's line of the scoreboard. ExplicitNA is set
// when every explicit-mode result of the adapter is unsupported: its
// "agrees (explicit)" is then "n/a", not a score of zero.
type htmlBoardRow struct {
	Adapter
	Path       string
	ExplicitNA bool
}

// board builds the scoreboard's lines.
func board(d Document) []htmlBoardRow {
	rows := make([]htmlBoardRow, len(d.Adapters))
	for i, a := range d.Adapters {
		rows[i] = htmlBoardRow{Adapter: a, Path: verificationPath(a.Name), ExplicitNA: ExplicitUnsupported(d, a.Name)}
	}
	return rows
}

// ExplicitUnsupported reports whether adapter ran vectors in the explicit
// mode and could express none of them (go-jose's Validate takes no
// leeway): a score of 0 would then read as a failure.
func ExplicitUnsupported(d Document, adapter string) bool {
	n := 0
	for _, r := range d.Results {
		if r.Adapter != adapter || r.Mode != conformance.Explicit {
			continue
		}
		if r.Verdict != adapters.Unsupported {
			return false
		}
		n++
	}
	return n > 0
}

// verificationPath is the last part of an adapter's name, the library's
// way of verifying it stands for: "mapclaims" of golang-jwt/v5/mapclaims.
func verificationPath(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// htmlSection is an optional section: Ran is false when it was not run.
type htmlSection[T any] struct {
	Ran  bool
	Rows []T
}

func section[T any](rows []T) htmlSection[T] { return htmlSection[T]{Ran: rows != nil, Rows: rows} }

// htmlColumn is one matrix column: an adapter in a mode, with the
// tooltip that says what the column's letter means.
type htmlColumn struct {
	A     int
	M     conformance.Mode
	Label string
	Title string
}

// modeTitles explain the modes where their letters appear.
var modeTitles = map[conformance.Mode]string{
	conformance.Explicit: "E = explicit: the vector's leeway, required claims and any max age passed through the library's options",
	conformance.Defaults: "D = defaults: the clock alone, what a user gets out of the box (judged with leeway 0, nothing required)",
}

// htmlCell is one matrix cell: S is its category (see Categories), T the
// symbol shown, X whether the profile fails to explain it, R the index of
// its result in the data block, A and M its column.
type htmlCell struct {
	S string
	T string
	X bool
	R int
	A int
	M conformance.Mode
}

// htmlRow is one vector's row. Cells is pre-rendered: a template action
// per cell costs more than the rest of the page together at 100 000
// results, and every cell is made of words from a fixed vocabulary.
type htmlRow struct {
	ID, Comment, Topic, Flags, Search string
	Cells                             template.HTML
}

// htmlGroup is a run of vectors whose cells all look the same.
type htmlGroup struct {
	Pattern template.HTML
	Rows    []htmlRow
	worst   int
}

// cellsHTML renders a row of cells; a pattern row (withResult false)
// carries no result index or severity data.
func cellsHTML(cells []htmlCell, withResult bool) template.HTML {
	b := make([]byte, 0, len(cells)*96)
	for _, c := range cells {
		b = append(b, `<td class="c `...)
		b = append(b, c.S...)
		b = append(b, " a"...)
		b = strconv.AppendInt(b, int64(c.A), 10)
		b = append(b, " m-"...)
		b = append(b, c.M...)
		if c.X {
			b = append(b, " x"...)
		}
		b = append(b, '"')
		if withResult {
			b = append(b, ` data-s="`...)
			b = append(b, c.S...)
			b = append(b, `" data-r="`...)
			b = strconv.AppendInt(b, int64(c.R), 10)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = append(b, c.T...)
		b = append(b, "</td>"...)
	}
	return template.HTML(b)
}

func newHTMLPage(d Document) (*htmlPage, error) {
	css, err := assets.ReadFile("assets/report.css")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	js, err := assets.ReadFile("assets/report.js")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	p := &htmlPage{
		Doc:        &d,
		Digest:     shortDigest(d.Suite.VectorsDigest),
		Modes:      conformance.Modes,
		Categories: Categories,
		Marks:      CategoryMarks,
		Board:      board(d),
		Deviations: DeviationTable(d),
		Properties: section(d.Properties),
		Resources:  section(d.Resources),
		Fuzz:       section(d.Fuzz),
		Timeline:   timelineHTML(d),
		CSS:        template.CSS(css),
		JS:         template.JS(js),
	}
	for i := range d.Adapters {
		for _, m := range conformance.Modes {
			p.Columns = append(p.Columns, htmlColumn{A: i, M: m, Label: strings.ToUpper(string(m[:1])),
				Title: d.Adapters[i].Name + ", " + cmp.Or(modeTitles[m], string(m))})
		}
	}
	p.Groups, p.Topics, p.Flags = matrix(d)
	var causeOf []int
	p.Causes, causeOf = rootCauseView(d)
	p.Headline = causesHeadline(d, p.Causes)
	data, err := htmlData(d, causeOf)
	if err != nil {
		return nil, err
	}
	p.Data = template.JS(data)
	return p, nil
}

// matrix builds the rows of the vectors × adapters matrix and groups rows
// with the same pattern of cells, as JSONTestSuite's report does: the
// groups with the most serious cells come first, then the largest.
func matrix(d Document) ([]htmlGroup, []string, []string) {
	adapterAt := make(map[string]int, len(d.Adapters))
	for i, a := range d.Adapters {
		adapterAt[a.Name] = i
	}
	vectorAt := make(map[string]int, len(d.Vectors))
	for i, v := range d.Vectors {
		vectorAt[v.ID] = i
	}
	nModes := len(conformance.Modes)
	width := len(d.Adapters) * nModes
	cells := make([]htmlCell, len(d.Vectors)*width)
	for i := range cells {
		col := i % width
		cells[i] = htmlCell{S: "unsupported", T: "·", R: -1, A: col / nModes, M: conformance.Modes[col%nModes]}
	}
	for ri, r := range d.Results {
		ai, ok := adapterAt[r.Adapter]
		vi, ok2 := vectorAt[r.Vector]
		mi := modeIndex(r.Mode)
		if !ok || !ok2 || mi >= nModes {
			continue
		}
		c := &cells[vi*width+ai*nModes+mi]
		c.S, c.T, c.X, c.R = category(r), symbol(r.Verdict), !r.Explained, ri
	}

	topics, flags := map[string]bool{}, map[string]bool{}
	groupAt := map[string]int{}
	var groups []htmlGroup
	var key strings.Builder
	for vi, v := range d.Vectors {
		rowCells := cells[vi*width : (vi+1)*width]
		row := htmlRow{
			ID: v.ID, Comment: v.Comment, Topic: v.Topic, Flags: strings.Join(v.Flags, " "),
			Search: strings.ToLower(v.ID + " " + v.Comment),
			Cells:  cellsHTML(rowCells, true),
		}
		topics[v.Topic] = true
		for _, f := range v.Flags {
			flags[f] = true
		}
		key.Reset()
		worst := len(Categories)
		for _, c := range rowCells {
			key.WriteString(c.S)
			key.WriteString(c.T)
			if c.X {
				key.WriteByte('x')
			}
			key.WriteByte(';')
			worst = min(worst, slices.Index(Categories, c.S))
		}
		gi, ok := groupAt[key.String()]
		if !ok {
			gi = len(groups)
			groupAt[key.String()] = gi
			groups = append(groups, htmlGroup{Pattern: cellsHTML(rowCells, false), worst: worst})
		}
		groups[gi].Rows = append(groups[gi].Rows, row)
	}
	slices.SortStableFunc(groups, func(a, b htmlGroup) int {
		return cmp.Or(cmp.Compare(a.worst, b.worst), cmp.Compare(len(b.Rows), len(a.Rows)))
	})
	return groups, sortedKeys(topics), sortedKeys(flags)
}

// category is a result's filter category: its severity, or agree, or
// unsupported. It is always one of Categories, whatever a decoded file
// holds, since cells are rendered without escaping.
func category(r Result) string {
	switch {
	case r.Verdict == adapters.Unsupported:
		return "unsupported"
	case r.Severity == conformance.None:
		return "agree"
	case slices.Contains(conformance.Severities, r.Severity):
		return string(r.Severity)
	}
	return string(conformance.Info)
}

// symbol is how a verdict shows in a cell.
func symbol(v adapters.Verdict) string {
	switch v {
	case adapters.Accept:
		return "✓"
	case adapters.Reject:
		return "✗"
	case adapters.Panic:
		return "P"
	case adapters.Timeout:
		return "T"
	}
	return "–"
}

// htmlVector is a vector as the page's script reads it: the Vector of
// results.json with the RFC judgements keyed by mode (hiding Vector.RFC)
// and the command that reproduces each mode.
type htmlVector struct {
	Vector
	RFC map[conformance.Mode]htmlRFC `json:"rfc"`
	Cmd map[conformance.Mode]string  `json:"cmd"`
}

type htmlRFC struct {
	Verdict string           `json:"verdict"`
	Classes []adapters.Class `json:"classes,omitempty"`
	Reasons []string         `json:"reasons,omitempty"`
}

// htmlData is the JSON block the page's script reads: adapters, vectors
// with a reproducing command per mode, and each result as an array
// [adapter, vector, mode, verdict, class, error index or -1, profile
// verdict, severity, explained as 0 or 1, index of its entry in the
// root-cause view or -1], with error texts stored once.
// encoding/json escapes <, > and &, so the block cannot end its script
// element early.
func htmlData(d Document, causeOf []int) ([]byte, error) {
	type adapterJSON struct {
		Name   string `json:"name"`
		Module string `json:"module"`
	}
	out := struct {
		Modes    []conformance.Mode `json:"modes"`
		Marks    []CategoryMark     `json:"marks"`
		Columns  []map[string]any   `json:"columns"`
		Adapters []adapterJSON      `json:"adapters"`
		Vectors  []htmlVector       `json:"vectors"`
		Results  json.RawMessage    `json:"results"`
		Errors   []string           `json:"errors"`
	}{Modes: conformance.Modes, Marks: append(slices.Clone(CategoryMarks), unexplainedMark), Errors: []string{}}
	adapterAt := map[string]int{}
	for i, a := range d.Adapters {
		adapterAt[a.Name] = i
		out.Adapters = append(out.Adapters, adapterJSON{a.Name, a.Module.String()})
		for _, m := range conformance.Modes {
			out.Columns = append(out.Columns, map[string]any{"a": i, "m": m})
		}
	}
	vectorAt := map[string]int{}
	for i, v := range d.Vectors {
		vectorAt[v.ID] = i
		hv := htmlVector{Vector: v, RFC: map[conformance.Mode]htmlRFC{}, Cmd: map[conformance.Mode]string{}}
		if hv.Require == nil {
			hv.Require = []adapters.Claim{}
		}
		if hv.Flags == nil {
			hv.Flags = []string{}
		}
		for _, j := range v.RFC {
			hv.RFC[j.Mode] = htmlRFC{string(j.Verdict), j.Classes, j.Reasons}
		}
		for _, m := range conformance.Modes {
			hv.Cmd[m] = CheckCommand(v, m)
		}
		out.Vectors = append(out.Vectors, hv)
	}
	errorAt := map[string]int{}
	b := make([]byte, 0, len(d.Results)*48+2)
	b = append(b, '[')
	for i, r := range d.Results {
		e := -1
		if r.Error != "" {
			var ok bool
			if e, ok = errorAt[r.Error]; !ok {
				e = len(out.Errors)
				errorAt[r.Error] = e
				out.Errors = append(out.Errors, r.Error)
			}
		}
		explained := 0
		if r.Explained {
			explained = 1
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(adapterAt[r.Adapter]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(vectorAt[r.Vector]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(modeIndex(r.Mode)), 10)
		for _, s := range []string{string(r.Verdict), string(r.Class)} {
			b = appendJSONString(append(b, ','), s)
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(e), 10)
		for _, s := range []string{string(r.Profile), string(r.Severity)} {
			b = appendJSONString(append(b, ','), s)
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(explained), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(causeOf[i]), 10)
		b = append(b, ']')
	}
	out.Results = append(b, ']')
	data, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("report: html data: %w", err)
	}
	return data, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
