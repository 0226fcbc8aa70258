package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserPath finds a Chromium to drive: $JWTCONFORM_CHROMIUM, or the
// first of the usual names on PATH.
func browserPath() string {
	if p := os.Getenv("JWTCONFORM_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// visibleRows lists the vector ids of the matrix rows a person would see.
const visibleRows = `Array.from(document.querySelectorAll('#jc-matrix tr.v'))
	.filter((r) => r.getClientRects().length > 0)
	.map((r) => r.querySelector('th').firstChild.textContent)`

// setSelect picks an option of a filter's select, as a person does.
func setSelect(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => { const e = document.querySelector(` + jsonString(sel) + `);
		e.value = ` + jsonString(value) + `; e.dispatchEvent(new Event('change')); })()`)
}

// click clicks the first element a CSS selector finds.
func click(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }

// reset unfolds every group and resets the filters.
func reset() []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('tbody.collapsed').forEach((g) => g.classList.remove('collapsed'))`),
		click(`#f-reset`),
	}
}

// onlySeverity unchecks every severity but keep.
func onlySeverity(keep string) []chromedp.Action[chromedp.Void] {
	var out []chromedp.Action[chromedp.Void]
	for _, c := range Categories {
		if c != keep {
			out = append(out, click(`input[name=sev][value=`+c+`]`))
		}
	}
	return out
}

// TestHTMLInBrowser opens report.html in headless Chromium, applies each
// filter through the page's own controls, checks which rows are visible,
// and clicks a cell to check the details panel.
func TestHTMLInBrowser(t *testing.T) {
	bin := browserPath()
	if bin == "" && os.Getenv("JWTCONFORM_REQUIRE_BROWSER") != "" {
		t.Fatal("JWTCONFORM_REQUIRE_BROWSER is set (as .ci/run sets it) but no chromium is on PATH and JWTCONFORM_CHROMIUM is unset")
	}
	if bin == "" {
		t.Skip("skipping the headless-browser test of report.html: no chromium on PATH and JWTCONFORM_CHROMIUM unset (install Debian's chromium: apt-get install -y chromium; .ci/run does)")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(f, fixtureDocument()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The first call starts the browser, which lives as long as ctx: bound
	// it, so that a wedged browser fails the test rather than hanging it.
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()
	if err := chromedp.Do(ctx,
		chromedp.Navigate("file://"+page),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
	); err != nil {
		t.Fatalf("loading %s in %s: %v", page, bin, err)
	}

	// The matrix's groups, gravest first: security, lenient, interop,
	// policy, info, then the group where every adapter agrees.
	all := []string{
		"wrong-type/quoted-exp", "json-syntax/invalid-utf8", "exp-boundary/now-1ns-before-exp",
		"exp-boundary/exp-equals-now", "json-syntax/bom",
		"exp-boundary/exp-1s-after-now", "nbf-boundary/nbf-equals-now",
	}
	for _, tc := range []struct {
		name   string
		filter []chromedp.Action[chromedp.Void]
		want   []string
		// betaHidden: the filter hides the beta/v2 column.
		betaHidden bool
		// matched: how many rows the count line reports (a folded group
		// still counts its rows).
		matched int
	}{
		{name: "no filter", want: all, matched: 7},
		{name: "topic", filter: []chromedp.Action[chromedp.Void]{setSelect("#f-topic", "json-syntax")},
			want: []string{"json-syntax/invalid-utf8", "json-syntax/bom"}, matched: 2},
		{name: "flag", filter: []chromedp.Action[chromedp.Void]{setSelect("#f-flag", "FractionalNow")},
			want: []string{"exp-boundary/now-1ns-before-exp"}, matched: 1},
		{name: "severity security", filter: onlySeverity("security"),
			want: []string{"wrong-type/quoted-exp"}, matched: 1},
		{name: "severity lenient", filter: onlySeverity("lenient"),
			want: []string{"wrong-type/quoted-exp", "json-syntax/invalid-utf8"}, matched: 2},
		{name: "severity policy in adapter alpha/v1 only",
			filter:     append(onlySeverity("policy"), click(`input[name=adapter][value="1"]`)),
			want:       []string{"exp-boundary/exp-equals-now"},
			betaHidden: true, matched: 1},
		{name: "severity interop in the explicit mode",
			filter: append(onlySeverity("interop"), click(`input[name=mode][value=defaults]`)),
			want:   []string{"exp-boundary/now-1ns-before-exp"}, matched: 1},
		{name: "search", filter: []chromedp.Action[chromedp.Void]{chromedp.SendKeys(chromedp.CSS(`#f-text`), "quoted")},
			want: []string{"wrong-type/quoted-exp"}, matched: 1},
		{name: "quick filter security only", filter: []chromedp.Action[chromedp.Void]{click(`#q-security`)},
			want: []string{"wrong-type/quoted-exp"}, matched: 1},
		{name: "quick filter unexplained only", filter: []chromedp.Action[chromedp.Void]{click(`#q-unexplained`)},
			want: []string{"wrong-type/quoted-exp", "json-syntax/invalid-utf8", "exp-boundary/now-1ns-before-exp", "json-syntax/bom"}, matched: 4},
		{name: "quick filters together", filter: []chromedp.Action[chromedp.Void]{click(`#q-security`), click(`#q-unexplained`)},
			want: []string{"wrong-type/quoted-exp"}, matched: 1},
		{name: "quick filter in the defaults mode only",
			filter: []chromedp.Action[chromedp.Void]{click(`#q-unexplained`), click(`input[name=mode][value=explicit]`)},
			want:   []string{"json-syntax/invalid-utf8", "json-syntax/bom"}, matched: 2},
		{name: "folded group", filter: []chromedp.Action[chromedp.Void]{click(`#jc-matrix tbody.group:last-of-type tr.gh th`)},
			want: all[:5], matched: 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, append(reset(), tc.filter...)...); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](visibleRows))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("visible rows mismatch (-want +got):\n-\t%q\n+\t%q", tc.want, got)
			}
			betaShown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#jc-matrix th.an.a1').getClientRects().length > 0`))
			if err != nil {
				t.Fatal(err)
			}
			if betaShown == tc.betaHidden {
				t.Errorf("beta/v2 column shown: %t, want %t", betaShown, !tc.betaHidden)
			}
			count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#jc-count`)))
			if err != nil {
				t.Fatal(err)
			}
			if want := strconv.Itoa(tc.matched) + " of 7 vectors shown"; count != want {
				t.Errorf("count line %q, want %q", count, want)
			}
		})
	}

	t.Run("root causes", func(t *testing.T) {
		testRootCauses(t, ctx)
	})

	t.Run("timeline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('svg#jc-timeline g.tl-row'))
			.filter((g) => g.getBoundingClientRect().width > 0)
			.map((g) => g.dataset.adapter + ' ' + g.dataset.setting + ': ' + g.querySelector('text.tl-text').firstChild.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"alpha/v1 leeway-0s: [nbf, exp]",
			"alpha/v1 leeway-5s: [nbf−5 s, exp+5 s]",
			"alpha/v1 defaults: [nbf, exp]",
			"beta/v2 leeway-0s: [nbf, exp)",
			"beta/v2 leeway-5s: n/a",
			"beta/v2 defaults: [nbf−60 s, exp+60 s] (unexplained)",
		}
		if !slices.Equal(rows, want) {
			t.Errorf("timeline rows mismatch (-want +got):\n-\t%q\n+\t%q", want, rows)
		}
		// Each row that ran draws one bar per accepted interval; the
		// unsupported one draws none.
		bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg#jc-timeline g.tl-row rect.tl-bar').length`))
		if err != nil {
			t.Fatal(err)
		}
		if bars != 5 {
			t.Errorf("%d accepted bars, want 5", bars)
		}
		alt, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#jc-timeline-text tbody tr').length`))
		if err != nil {
			t.Fatal(err)
		}
		if alt != len(want) {
			t.Errorf("the text alternative has %d rows, want %d", alt, len(want))
		}
		if p := os.Getenv("JWTCONFORM_SCREENSHOT"); p != "" {
			png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`#timeline`)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(strings.TrimSuffix(p, ".png")+"-timeline.png", png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})

	t.Run("cell details", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, append(reset(),
			click(`#jc-matrix tr.v td[data-r="0"]`),
			chromedp.WaitVisible(chromedp.CSS(`#jc-detail`)),
		)...); err != nil {
			t.Fatal(err)
		}
		panel, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#jc-detail`)))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"exp-boundary/exp-1s-after-now", "alpha/v1 (example.com/alpha@v1.2.3)", `{"exp":1700000001}`,
			"1700000000 (2023-11-14T22:13:20Z)", "RFC 7519 4.1.4", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.",
			`go run ./cmd/jwtconform check -payload '{"exp":1700000001}' -now 1700000000 -leeway 0s`,
		} {
			if !strings.Contains(panel, want) {
				t.Errorf("details panel lacks %q; it reads:\n%s", want, panel)
			}
		}
		if p := os.Getenv("JWTCONFORM_SCREENSHOT"); p != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// shownCauses lists the root causes the filters leave, as "adapter id",
// folded or not.
const shownCauses = `Array.from(document.querySelectorAll('details.rc'))
	.filter((d) => !d.closest('[hidden]'))
	.map((d) => d.closest('.rc-adapter').querySelector('h3 span').textContent + ' ' +
		(d.querySelector('.rc-id') ? d.querySelector('.rc-id').textContent : d.dataset.cat))`

// causeRows lists the visible rows of the opened root causes' vector
// lists as "mode vector".
const causeRows = `Array.from(document.querySelectorAll('details.rc[open] .rc-vectors tbody tr'))
	.filter((r) => r.getClientRects().length > 0)
	.map((r) => r.cells[0].textContent + ' ' + r.cells[1].textContent)`

// testRootCauses clicks through the root-cause view: the headline table,
// a root cause opened to its vectors and reproduction, a vector's details,
// and the filters applied to the root causes and their vectors.
func testRootCauses(t *testing.T, ctx context.Context) {
	do := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	strs := func(js string) []string {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	text := func(sel string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	closeAll := chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details[open]').forEach((d) => { d.open = false; })`)
	check := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s mismatch (-want +got):\n-\t%q\n+\t%q", what, want, got)
		}
	}

	// The page opens with the root-cause view, before the timeline and
	// the scoreboard.
	order := strs(`Array.from(document.querySelectorAll('main > section, main > div#rc-list')).map((e) => e.id)`)
	check("sections", order[:4], []string{"rootcauses", "rc-list", "timeline", "scoreboard"})
	headline := strs(`Array.from(document.querySelectorAll('#jc-headline tbody tr')).map((r) => Array.from(r.cells).map((c) => c.textContent).join(' | '))`)
	check("library × severity table", headline, []string{
		"alpha/v1 | – | – | – | 1 (2) | 1 (2) | 0",
		"beta/v2 | – | 1 (1) | – | – | 1 (1) | 5 results",
	})

	do(append(reset(), closeAll)...)
	all := []string{"alpha/v1 exp-inclusive", "alpha/v1 bom-rejected", "beta/v2 unexplained", "beta/v2 quoted-number-accepted", "beta/v2 bom-rejected"}
	check("root causes", strs(shownCauses), all)
	if got := text(`#jc-count-rc`); got != "5 of 5 root causes" {
		t.Errorf("root-cause count %q, want %q", got, "5 of 5 root causes")
	}

	// Opening a root cause lists its vectors and shows the command that
	// reproduces its smallest one.
	do(click(`#rc-a0 details.rc[data-cat=policy] > summary`), chromedp.WaitVisible(chromedp.CSS(`#rc-a0 details.rc[open] .rc-vectors tbody tr`)))
	check("exp-inclusive's vectors", strs(causeRows), []string{"E exp-boundary/exp-equals-now", "D exp-boundary/exp-equals-now"})
	body := text(`#rc-a0 details.rc[open] .rc-body`)
	for _, want := range []string{
		`go run ./cmd/jwtconform check -payload '{"exp":1700000000}' -now 1700000000 -leeway 0s`,
		"1700000000 (2023-11-14T22:13:20Z)", "exp-boundary/exp-equals-now, explicit mode",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("opened root cause lacks %q; it reads:\n%s", want, body)
		}
	}
	if p := os.Getenv("JWTCONFORM_SCREENSHOT"); p != "" {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`#rc-list`)))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(strings.TrimSuffix(p, ".png")+"-rootcause.png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// A vector of the list opens the side panel, as a matrix cell does.
	do(click(`#rc-a0 details.rc[open] .rc-vectors tbody tr:last-child`), chromedp.WaitVisible(chromedp.CSS(`#jc-detail`)))
	panel := text(`#jc-detail`)
	for _, want := range []string{"exp-boundary/exp-equals-now", "alpha/v1 (example.com/alpha@v1.2.3)", "defaults: only the clock passed"} {
		if !strings.Contains(panel, want) {
			t.Errorf("details panel lacks %q; it reads:\n%s", want, panel)
		}
	}
	do(chromedp.KeyEvent("\x1b"), closeAll)

	for _, tc := range []struct {
		name   string
		filter []chromedp.Action[chromedp.Void]
		want   []string
		// open is the root cause to open; rows its vectors then shown.
		open  string
		rows  []string
		count string
	}{
		{name: "security only", filter: []chromedp.Action[chromedp.Void]{click(`#q-security`)},
			want: []string{"beta/v2 unexplained"},
			open: `#rc-a1 details.rc[data-cat=unexplained]`, rows: []string{"E wrong-type/quoted-exp"}, count: "1 of 5"},
		{name: "unexplained only", filter: []chromedp.Action[chromedp.Void]{click(`#q-unexplained`)},
			want: []string{"beta/v2 unexplained"},
			open: `#rc-a1 details.rc[data-cat=unexplained]`, count: "5",
			// gravest first: security, lenient, interop, info
			rows: []string{"E wrong-type/quoted-exp", "E json-syntax/invalid-utf8", "D json-syntax/invalid-utf8", "E exp-boundary/now-1ns-before-exp", "D json-syntax/bom"}},
		{name: "severity lenient", filter: onlySeverity("lenient"),
			want: []string{"beta/v2 unexplained", "beta/v2 quoted-number-accepted"},
			open: `#rc-a1 details.rc[data-cat=unexplained]`, rows: []string{"E json-syntax/invalid-utf8", "D json-syntax/invalid-utf8"}, count: "2 of 5"},
		{name: "severity info in the defaults mode", filter: append(onlySeverity("info"), click(`input[name=mode][value=explicit]`)),
			want: []string{"alpha/v1 bom-rejected", "beta/v2 unexplained"},
			open: `#rc-a0 details.rc[data-cat=info]`, rows: []string{"D json-syntax/bom"}, count: "1 of 2"},
		{name: "adapter beta/v2 only", filter: []chromedp.Action[chromedp.Void]{click(`input[name=adapter][value="0"]`)},
			want: all[2:]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			do(append(append(reset(), closeAll), tc.filter...)...)
			check("root causes", strs(shownCauses), tc.want)
			if tc.open == "" {
				return
			}
			// Open it and the fold of info root causes it may sit in, then
			// wait for the list the page builds when it opens.
			do(chromedp.Evaluate[chromedp.Void](`for (let d = document.querySelector(`+jsonString(tc.open)+`); d; d = d.parentElement.closest('details')) d.open = true`),
				chromedp.WaitReady(chromedp.CSS(tc.open+` .rc-vectors table`)))
			check("vectors", strs(causeRows), tc.rows)
			if got := text(tc.open + ` .rc-count`); got != tc.count {
				t.Errorf("result count %q, want %q", got, tc.count)
			}
		})
	}
	do(append(reset(), closeAll)...)
}
