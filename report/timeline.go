package report

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

// This file draws the acceptance timelines of results.json: an inline SVG
// with a text alternative for report.html and a table for report.md. The
// drawing only reads what the harness measured; nothing here knows what a
// library does.

// span is an interval as offsets from nbf, half-open at the nanosecond:
// [lo, hi). Every bound of a timeline is exact to the nanosecond, so an
// inclusive upper end b is the half-open end b+1ns.
type span struct{ lo, hi time.Duration }

// timelineFrame is what every timeline of a document shares: the token's
// claims and the sweep, as offsets from nbf.
type timelineFrame struct {
	nbf      time.Time
	exp      time.Duration
	from, to time.Duration
}

func frameOf(tl conformance.Timeline) (timelineFrame, bool) {
	nbf, err1 := vectors.ParseTime(tl.Nbf)
	exp, err2 := vectors.ParseTime(tl.Exp)
	from, err3 := vectors.ParseTime(tl.From)
	to, err4 := vectors.ParseTime(tl.To)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || !from.Before(to) {
		return timelineFrame{}, false
	}
	return timelineFrame{nbf: nbf, exp: exp.Sub(nbf), from: from.Sub(nbf), to: to.Sub(nbf)}, true
}

// offset is a decimal bound as an offset from nbf; ok is false when it does
// not parse, which only a hand-edited file can cause.
func (f timelineFrame) offset(s string) (time.Duration, bool) {
	t, err := vectors.ParseTime(s)
	if err != nil {
		return 0, false
	}
	return t.Sub(f.nbf), true
}

// spans converts intervals to half-open spans clipped to the sweep; an
// absent end is the sweep's end (the span reaches at least that far).
func (f timelineFrame) spans(ivs []conformance.Interval) []span {
	var out []span
	for _, iv := range ivs {
		s := span{lo: f.from, hi: f.to + time.Nanosecond}
		if iv.From != "" {
			lo, ok := f.offset(iv.From)
			if !ok {
				continue
			}
			if !iv.FromInclusive {
				lo += time.Nanosecond
			}
			s.lo = lo
		}
		if iv.To != "" {
			hi, ok := f.offset(iv.To)
			if !ok {
				continue
			}
			if iv.ToInclusive {
				hi += time.Nanosecond
			}
			s.hi = hi
		}
		if s.lo < s.hi {
			out = append(out, s)
		}
	}
	return out
}

// minus is a \ b for sorted, disjoint span lists.
func minus(a, b []span) []span {
	var out []span
	for _, s := range a {
		lo := s.lo
		for _, c := range b {
			if c.hi <= lo || c.lo >= s.hi {
				continue
			}
			if c.lo > lo {
				out = append(out, span{lo, c.lo})
			}
			lo = max(lo, c.hi)
		}
		if lo < s.hi {
			out = append(out, span{lo, s.hi})
		}
	}
	return out
}

// relative writes an offset from nbf as a reader thinks of it: from nbf or
// from exp, whichever is nearer ("nbf", "exp+60 s", "nbf−5 s",
// "exp+0.000000001 s").
func (f timelineFrame) relative(d time.Duration) string {
	anchor, base := "nbf", time.Duration(0)
	if d > f.exp-d {
		anchor, base = "exp", f.exp
	}
	d -= base
	switch {
	case d == 0:
		return anchor
	case d < 0:
		return anchor + "−" + seconds(-d) + " s"
	}
	return anchor + "+" + seconds(d) + " s"
}

// seconds writes a non-negative duration as decimal seconds, exactly.
func seconds(d time.Duration) string {
	s := strconv.FormatInt(int64(d/time.Second), 10)
	if ns := int64(d % time.Second); ns != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%09d", ns), "0")
	}
	return s
}

// intervalText writes an interval in interval notation relative to nbf and
// exp: "[nbf, exp)", "[nbf−5 s, exp+5 s]"; an end the sweep did not reach
// reads "≤ nbf−90 s" or "≥ exp+90 s".
func (f timelineFrame) intervalText(iv conformance.Interval) string {
	var b strings.Builder
	if iv.From == "" {
		b.WriteString("[≤ " + f.relative(f.from))
	} else {
		b.WriteString(map[bool]string{true: "[", false: "("}[iv.FromInclusive])
		b.WriteString(f.boundText(iv.From))
	}
	b.WriteString(", ")
	if iv.To == "" {
		b.WriteString("≥ " + f.relative(f.to) + "]")
	} else {
		b.WriteString(f.boundText(iv.To))
		b.WriteString(map[bool]string{true: "]", false: ")"}[iv.ToInclusive])
	}
	return b.String()
}

func (f timelineFrame) boundText(s string) string {
	d, ok := f.offset(s)
	if !ok {
		return s
	}
	return f.relative(d)
}

// exactText writes an interval with its exact clock values, for tooltips
// and the text alternative: "from 1700000000 (inclusive) to 1700000060
// (exclusive)".
func exactText(iv conformance.Interval) string {
	from, to := "the sweep's start or earlier", "the sweep's end or later"
	if iv.From != "" {
		from = iv.From + map[bool]string{true: " (inclusive)", false: " (exclusive)"}[iv.FromInclusive]
	}
	if iv.To != "" {
		to = iv.To + map[bool]string{true: " (inclusive)", false: " (exclusive)"}[iv.ToInclusive]
	}
	return "from " + from + " to " + to
}

// acceptedText is what a timeline accepts, in interval notation.
func (f timelineFrame) acceptedText(tl conformance.Timeline) string {
	if tl.Unsupported != "" {
		return "n/a: option not expressible"
	}
	return f.setText(tl.Accepted)
}

func (f timelineFrame) setText(ivs []conformance.Interval) string {
	if len(ivs) == 0 {
		return "never"
	}
	parts := make([]string, len(ivs))
	for i, iv := range ivs {
		parts[i] = f.intervalText(iv)
	}
	return strings.Join(parts, " ∪ ")
}

func exactSetText(ivs []conformance.Interval) string {
	if len(ivs) == 0 {
		return "never"
	}
	parts := make([]string, len(ivs))
	for i, iv := range ivs {
		parts[i] = exactText(iv)
	}
	return strings.Join(parts, "; ")
}

// settingLabel names a setting for a reader.
func settingLabel(name string) string {
	switch name {
	case "leeway-0s":
		return "leeway 0"
	case "leeway-5s":
		return "leeway 5 s"
	case "defaults":
		return "defaults"
	}
	return name
}

// timelineGrid is the timelines of a document by adapter, in document
// order, with one cell per setting of conformance.TimelineSettings.
type timelineGrid struct {
	frame    timelineFrame
	adapters []string
	cells    map[string]map[string]conformance.Timeline
	settings []string
}

func gridOf(ts []conformance.Timeline) (timelineGrid, bool) {
	g := timelineGrid{cells: map[string]map[string]conformance.Timeline{}}
	if len(ts) == 0 {
		return g, false
	}
	f, ok := frameOf(ts[0])
	if !ok {
		return g, false
	}
	g.frame = f
	for _, s := range conformance.TimelineSettings {
		g.settings = append(g.settings, s.Name)
	}
	for _, tl := range ts {
		if tl.Nbf != ts[0].Nbf || tl.Exp != ts[0].Exp || tl.From != ts[0].From || tl.To != ts[0].To {
			continue // another token or sweep cannot share the axis
		}
		if g.cells[tl.Adapter] == nil {
			g.cells[tl.Adapter] = map[string]conformance.Timeline{}
			g.adapters = append(g.adapters, tl.Adapter)
		}
		g.cells[tl.Adapter][tl.Setting] = tl
	}
	return g, true
}

// rfc is the RFC's intervals in a setting, from any timeline that has them.
func (g timelineGrid) rfc(setting string) ([]conformance.Interval, bool) {
	for _, a := range g.adapters {
		if tl, ok := g.cells[a][setting]; ok {
			return tl.RFC, true
		}
	}
	return nil, false
}

// mdTimelines writes the timeline table of report.md: one line per
// adapter, a column per setting, the RFC's line first.
func mdTimelines(b *bytes.Buffer, d Document) {
	if d.Timelines == nil {
		return
	}
	b.WriteString("## Acceptance timeline\n\n")
	g, ok := gridOf(d.Timelines)
	if !ok {
		b.WriteString("No timelines were measured.\n\n")
		return
	}
	first := d.Timelines[0]
	fmt.Fprintf(b, "The clock values at which each adapter accepts one token, `%s` (nbf = %s, exp = nbf + %s s), measured through the harness at every whole second from nbf−%s s to exp+%s s and bisected to the nanosecond at every change. `[` `]` include the end, `(` `)` exclude it; **bold**: not what RFC 7519 accepts.\n\n",
		first.Payload, first.Nbf, seconds(g.frame.exp), seconds(-g.frame.from), seconds(g.frame.to-g.frame.exp))
	b.WriteString("| adapter |")
	for _, s := range g.settings {
		fmt.Fprintf(b, " %s |", settingLabel(s))
	}
	b.WriteString("\n|---|")
	for range g.settings {
		b.WriteString("---|")
	}
	b.WriteString("\n| *RFC 7519* |")
	for _, s := range g.settings {
		rfc, _ := g.rfc(s)
		fmt.Fprintf(b, " %s |", mdCodeCell(g.frame.setText(rfc)))
	}
	b.WriteString("\n")
	for _, a := range g.adapters {
		fmt.Fprintf(b, "| %s |", mdCell(a))
		for _, s := range g.settings {
			tl, ok := g.cells[a][s]
			switch {
			case !ok:
				b.WriteString(" not measured |")
				continue
			case tl.Unsupported != "":
				b.WriteString(" n/a: option not expressible |")
				continue
			}
			text := mdCodeCell(g.frame.acceptedText(tl))
			if g.frame.setText(tl.Accepted) != g.frame.setText(tl.RFC) {
				text = "**" + text + "**"
			}
			if !tl.Explained {
				text += " (unexplained)"
			}
			fmt.Fprintf(b, " %s |", text)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// The SVG's geometry, in user units; the element scales to the page width.
const (
	tlWidth    = 1300.0
	tlPlotLeft = 320.0
	tlPlotW    = 700.0
	tlTextLeft = tlPlotLeft + tlPlotW + 14
	tlTop      = 46.0
	tlRowH     = 22.0
	tlGroupGap = 8.0
	tlBarH     = 10.0
)

// timelineHTML is the timeline section's body: the SVG, its legend and its
// text alternative, or a line saying why there is none.
func timelineHTML(d Document) template.HTML {
	if d.Timelines == nil {
		return `<p class="hint">Not measured (<code>jwtconform run -timelines=false</code>).</p>`
	}
	g, ok := gridOf(d.Timelines)
	if !ok {
		return `<p class="hint">No timelines were measured.</p>`
	}
	f := g.frame
	esc := template.HTMLEscapeString
	x := func(d time.Duration) float64 {
		d = min(max(d, f.from), f.to)
		return tlPlotLeft + tlPlotW*float64(d-f.from)/float64(f.to-f.from)
	}
	rows := len(g.adapters) * len(g.settings)
	height := tlTop + float64(rows)*tlRowH + float64(max(len(g.adapters)-1, 0))*tlGroupGap + 14
	var b strings.Builder
	first := d.Timelines[0]
	fmt.Fprintf(&b, `<p class="hint">One token, <code>%s</code>: nbf = %s, exp = nbf + %s s. Each adapter verified it through the harness at every whole second from nbf−%s s to exp+%s s, bisected to the nanosecond at every change, with a leeway of 0, of 5 s, and with the library's defaults (the clock alone). A bar is the clock values it accepts; the dashed box is what RFC 7519 accepts in the same setting.</p>`,
		esc(first.Payload), esc(first.Nbf), seconds(f.exp), seconds(-f.from), seconds(f.to-f.exp))
	fmt.Fprintf(&b, `<svg id="jc-timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="jc-timeline-title" aria-describedby="jc-timeline-text">`, tlWidth, height)
	b.WriteString(`<title id="jc-timeline-title">Acceptance timeline around nbf and exp, per adapter and setting</title>`)
	b.WriteString(`<defs><pattern id="jc-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c62828"/><rect width="2.5" height="6" fill="#fff" fill-opacity=".55"/></pattern></defs>`)
	// Axis: a tick every 30 s, with nbf and exp drawn across every row.
	bottom := height - 10
	for t := f.from; t <= f.to; t += 30 * time.Second {
		fmt.Fprintf(&b, `<line class="tl-tick" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x(t), tlTop-8, x(t), bottom)
		if t != 0 && t != f.exp { // nbf and exp are labelled above
			fmt.Fprintf(&b, `<text class="tl-axis" x="%.1f" y="%.1f">%s</text>`, x(t), tlTop-12, esc(f.relativeT(t)))
		}
	}
	for _, m := range []struct {
		at    time.Duration
		label string
	}{{0, "nbf"}, {f.exp, "exp"}} {
		fmt.Fprintf(&b, `<line class="tl-claim" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/><text class="tl-claim-label" x="%.1f" y="14">%s = %s</text>`,
			x(m.at), tlTop-24, x(m.at), bottom, x(m.at), m.label, esc(f.relativeT(m.at)))
	}
	y := tlTop
	for ai, a := range g.adapters {
		if ai > 0 {
			y += tlGroupGap
		}
		groupH := float64(len(g.settings)) * tlRowH
		fmt.Fprintf(&b, `<rect class="tl-group%s" x="0" y="%.1f" width="%.0f" height="%.1f"/>`, map[bool]string{true: " odd", false: ""}[ai%2 == 1], y, tlWidth, groupH)
		fmt.Fprintf(&b, `<text class="tl-adapter" x="6" y="%.1f">%s</text>`, y+tlRowH/2+4, esc(a))
		for _, s := range g.settings {
			tl, ok := g.cells[a][s]
			mid := y + tlRowH/2
			fmt.Fprintf(&b, `<g class="tl-row" data-adapter="%s" data-setting="%s">`, esc(a), esc(s))
			fmt.Fprintf(&b, `<text class="tl-setting" x="%.1f" y="%.1f">%s</text>`, tlPlotLeft-8, mid+4, esc(settingLabel(s)))
			rfc := f.spans(tl.RFC)
			for _, r := range rfc {
				if !ok || tl.Unsupported != "" {
					break // nothing ran to compare with the RFC
				}
				fmt.Fprintf(&b, `<rect class="tl-rfc" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>RFC 7519 accepts %s</title></rect>`,
					x(r.lo), mid-tlBarH/2-3, x(r.hi)-x(r.lo), tlBarH+6, esc(exactSetText(tl.RFC)))
			}
			switch {
			case !ok:
				fmt.Fprintf(&b, `<text class="tl-na" x="%.1f" y="%.1f">not measured</text>`, tlPlotLeft+tlPlotW/2, mid+4)
				fmt.Fprintf(&b, `<text class="tl-text" x="%.1f" y="%.1f">not measured</text>`, tlTextLeft, mid+4)
			case tl.Unsupported != "":
				fmt.Fprintf(&b, `<text class="tl-na" x="%.1f" y="%.1f">n/a: option not expressible<title>%s</title></text>`, tlPlotLeft+tlPlotW/2, mid+4, esc(tl.Unsupported))
				fmt.Fprintf(&b, `<text class="tl-text na" x="%.1f" y="%.1f">n/a<title>%s</title></text>`, tlTextLeft, mid+4, esc(tl.Unsupported))
			default:
				acc := f.spans(tl.Accepted)
				beyond := minus(acc, rfc)
				for i, iv := range tl.Accepted {
					if i >= len(acc) {
						break
					}
					sp := acc[i]
					fmt.Fprintf(&b, `<rect class="tl-bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s accepts %s: %s</title></rect>`,
						x(sp.lo), mid-tlBarH/2, max(x(sp.hi)-x(sp.lo), 1), tlBarH, esc(a), esc(f.intervalText(iv)), esc(exactText(iv)))
				}
				for _, sp := range beyond {
					fmt.Fprintf(&b, `<rect class="tl-beyond" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>accepted where RFC 7519 rejects, %s</title></rect>`,
						x(sp.lo), mid-tlBarH/2, max(x(sp.hi)-x(sp.lo), 1), tlBarH, esc(f.setText(spanIntervals(f, []span{sp}))))
				}
				for _, iv := range tl.Accepted {
					f.endMarks(&b, x, mid, iv)
				}
				text := f.acceptedText(tl)
				cls := "tl-text"
				if f.setText(tl.Accepted) != f.setText(tl.RFC) {
					cls += " differs"
				}
				if !tl.Explained {
					text += " (unexplained)"
				}
				fmt.Fprintf(&b, `<text class="%s" x="%.1f" y="%.1f">%s<title>%s</title></text>`, cls, tlTextLeft, mid+4, esc(text), esc(exactSetText(tl.Accepted)))
			}
			b.WriteString(`</g>`)
			y += tlRowH
		}
	}
	b.WriteString(`</svg>`)
	b.WriteString(`<div class="legend tl-legend">`)
	b.WriteString(`<span><svg width="28" height="12" aria-hidden="true"><rect class="tl-bar" x="0" y="1" width="28" height="10"/></svg>accepted, as RFC 7519 does</span>`)
	b.WriteString(`<span><svg width="28" height="12" aria-hidden="true"><rect class="tl-beyond" x="0" y="1" width="28" height="10"/></svg>hatched: accepted where RFC 7519 rejects</span>`)
	b.WriteString(`<span><svg width="28" height="16" aria-hidden="true"><rect class="tl-rfc" x="1" y="1" width="26" height="14"/></svg>dashed: what RFC 7519 accepts (an empty part: rejected where it accepts)</span>`)
	b.WriteString(`<span><svg width="12" height="12" aria-hidden="true"><circle class="tl-end in" cx="6" cy="6" r="4"/></svg>end included · <svg width="12" height="12" aria-hidden="true"><circle class="tl-end out" cx="6" cy="6" r="4"/></svg>end excluded</span>`)
	b.WriteString(`<span>n/a: the verification path cannot express that leeway</span>`)
	b.WriteString(`</div>`)
	// The text alternative: every row with its exact bounds.
	b.WriteString(`<details class="tl-table"><summary>The timeline as a table, with exact clock values</summary><table class="plain" id="jc-timeline-text"><thead><tr><th>adapter</th><th>setting</th><th>accepts</th><th>exact clock values (decimal seconds)</th><th>RFC 7519 accepts</th><th>profile</th></tr></thead><tbody>`)
	for _, a := range g.adapters {
		for _, s := range g.settings {
			tl, ok := g.cells[a][s]
			if !ok {
				fmt.Fprintf(&b, `<tr><td>%s</td><td>%s</td><td colspan="4">not measured</td></tr>`, esc(a), esc(settingLabel(s)))
				continue
			}
			exact, prof := exactSetText(tl.Accepted), "predicts every point"
			if tl.Unsupported != "" {
				exact, prof = tl.Unsupported, ""
			} else if !tl.Explained {
				prof = "unexplained: predicts another outcome at some point"
			}
			fmt.Fprintf(&b, `<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>`,
				esc(a), esc(settingLabel(s)), esc(f.acceptedText(tl)), esc(exact), esc(f.setText(tl.RFC)), esc(prof))
		}
	}
	b.WriteString(`</tbody></table></details>`)
	return template.HTML(b.String())
}

// relativeT writes an offset from nbf as the axis does: "T−90 s", "T+60 s".
func (f timelineFrame) relativeT(d time.Duration) string {
	switch {
	case d == 0:
		return "T"
	case d < 0:
		return "T−" + seconds(-d) + " s"
	}
	return "T+" + seconds(d) + " s"
}

// endMarks draws a dot at each end of an accepted interval the sweep
// located: filled when the end is included, hollow when it is not.
func (f timelineFrame) endMarks(b *strings.Builder, x func(time.Duration) float64, mid float64, iv conformance.Interval) {
	for _, e := range []struct {
		at        string
		inclusive bool
	}{{iv.From, iv.FromInclusive}, {iv.To, iv.ToInclusive}} {
		if e.at == "" {
			continue
		}
		d, ok := f.offset(e.at)
		if !ok {
			continue
		}
		cls, word := "out", "excluded"
		if e.inclusive {
			cls, word = "in", "included"
		}
		fmt.Fprintf(b, `<circle class="tl-end %s" cx="%.1f" cy="%.1f" r="4"><title>%s (%s): %s</title></circle>`,
			cls, x(d), mid, template.HTMLEscapeString(f.relative(d)), word, template.HTMLEscapeString(e.at))
	}
}

// spanIntervals converts half-open spans back to intervals, for text,
// naming each end by the rounder of the two clock values that straddle it,
// as the measured intervals do.
func spanIntervals(f timelineFrame, ss []span) []conformance.Interval {
	out := make([]conformance.Interval, len(ss))
	for i, s := range ss {
		var iv conformance.Interval
		iv.From, iv.FromInclusive = rounder(f.nbf.Add(s.lo), f.nbf.Add(s.lo-time.Nanosecond))
		iv.To, iv.ToInclusive = rounder(f.nbf.Add(s.hi-time.Nanosecond), f.nbf.Add(s.hi))
		out[i] = iv
	}
	return out
}

// rounder names the end between inside and its neighbour outside by the
// one with fewer digits, then more trailing zeros; a tie goes to inside.
func rounder(inside, outside time.Time) (string, bool) {
	a, b := vectors.FormatTime(inside), vectors.FormatTime(outside)
	roundness := func(s string) int { return len(s)*32 - (len(s) - len(strings.TrimRight(s, "0"))) }
	if roundness(b) < roundness(a) {
		return b, false
	}
	return a, true
}
