package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/report"
)

// runSubset runs the suite on a few vectors into a fresh directory and
// returns the directory.
func runSubset(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := invoke(t, "run", "-out", dir, "-vectors", "exp-boundary/*,nbf-boundary/*,attacker/*,member-names/*")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("run wrote to a stderr that is not a terminal: %q", stderr)
	}
	for _, name := range []string{"results.json", "report.md", "report.html"} {
		p := filepath.Join(dir, name)
		if !strings.Contains(stdout, "wrote "+p) {
			t.Errorf("run does not print the path %s:\n%s", p, stdout)
		}
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	if !strings.Contains(stdout, "AGREE EXPLICIT") || !strings.Contains(stdout, "golang-jwt/v5/mapclaims") {
		t.Errorf("run does not print the scoreboard:\n%s", stdout)
	}
	return dir
}

// TestRunIsByteStable runs the suite twice and checks that results.json,
// report.md and report.html are byte-identical.
func TestRunIsByteStable(t *testing.T) {
	a, b := runSubset(t), runSubset(t)
	for _, name := range []string{"results.json", "report.md", "report.html"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestDiff(t *testing.T) {
	dir := runSubset(t)
	old := filepath.Join(dir, "results.json")
	b, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	// A library that starts accepting exp == now for one adapter.
	line := `{"adapter":"golang-jwt/v5/mapclaims","vector":"exp-boundary/exp-equals-now","mode":"explicit","alg":"HS256","verdict":"reject","class":"expired","error":"token has invalid claims: token is expired","rfc":"reject","profile":"reject","explained":true}`
	if !bytes.Contains(b, []byte(line)) {
		t.Fatalf("results.json lacks the line to change:\n%s", line)
	}
	flipped := strings.Replace(string(b), line, `{"adapter":"golang-jwt/v5/mapclaims","vector":"exp-boundary/exp-equals-now","mode":"explicit","alg":"HS256","verdict":"accept","rfc":"reject","profile":"reject","severity":"security","explained":false}`, 1)
	changedFile := writeTemp(t, "new.json", []byte(flipped))
	classOnly := writeTemp(t, "class.json", []byte(strings.Replace(string(b), line, strings.Replace(line, `"class":"expired"`, `"class":"other"`, 1), 1)))
	// go-jose's Validate takes no leeway: a release that adds one turns an
	// unsupported test into a verdict.
	unsupported := `{"adapter":"go-jose/v4/validate","vector":"exp-boundary/exp-equals-now","mode":"explicit","alg":"HS256","verdict":"unsupported",`
	if !bytes.Contains(b, []byte(unsupported)) {
		t.Fatalf("results.json lacks the unsupported line to change:\n%s", unsupported)
	}
	start := bytes.Index(b, []byte(unsupported))
	end := start + bytes.IndexByte(b[start:], '\n')
	supported := writeTemp(t, "supported.json", []byte(string(b[:start])+
		`{"adapter":"go-jose/v4/validate","vector":"exp-boundary/exp-equals-now","mode":"explicit","alg":"HS256","verdict":"reject","class":"expired","rfc":"reject","profile":"reject","explained":true},`+
		string(b[end:])))
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		want     []string
	}{
		{"same", []string{"diff", old, old}, 0, []string{"0 verdicts changed", "gate: passes (exit status 0): nothing changed"}},
		{"verdict changed", []string{"diff", old, changedFile}, 1, []string{
			"1 verdict changed (security findings: 0 gone, 1 new)", "gate: fails (exit status 1)",
			"== golang-jwt/v5/mapclaims: 1 verdict changed (1 outcome)", "root cause (RFC behaviour) → (unexplained)",
			"exp-boundary/exp-equals-now", "reject/expired", "accept", "none → security"}},
		{"markdown", []string{"diff", "-md", old, changedFile}, 1, []string{"## jwtconform diff\n\n**1 verdict changed",
			"| **!** | `exp-boundary/exp-equals-now` | explicit | `reject/expired` | `accept` | reject | none → security | (RFC behaviour) → (unexplained) |"}},
		{"flag after the files", []string{"diff", old, changedFile, "-md"}, 1, []string{"### golang-jwt/v5/mapclaims: 1 verdict changed (1 outcome)"}},
		{"json", []string{"diff", "-json", old, changedFile}, 1, []string{`"schema": "jwtconform-diff/v1"`, `"gates": true`, `"verdicts": 1,`}},
		{"class only", []string{"diff", old, classOnly}, 0, []string{"0 verdicts changed", "1 informational change", "class only", "reject/other",
			"gate: passes (exit status 0): only informational changes"}},
		{"unsupported becomes a verdict", []string{"diff", old, supported}, 1, []string{"1 newly supported", "unsupported", "reject/expired", "newly supported"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := invoke(t, tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.wantCode, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, stdout)
				}
			}
		})
	}
}

// TestDiffAdapters runs diff -adapters in process and over a results.json:
// it is informational (exit status 0), and its counts are those of
// report.Migrate over the same results.
func TestDiffAdapters(t *testing.T) {
	dir := runSubset(t)
	results := filepath.Join(dir, "results.json")
	doc, err := readResults(results)
	if err != nil {
		t.Fatal(err)
	}
	m, err := report.Migrate(doc, "golang-jwt/v4/mapclaims", "golang-jwt/v5/mapclaims")
	if err != nil {
		t.Fatal(err)
	}
	headline := m.Summary.Headline()
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"in process", []string{"diff", "-adapters", "jwt-go/v3/mapclaims", "golang-jwt/v5/mapclaims"}, []string{
			"jwtconform diff -adapters: jwt-go/v3/mapclaims → golang-jwt/v5/mapclaims",
			"modules: github.com/dgrijalva/jwt-go@v3.2.0+incompatible → github.com/golang-jwt/jwt/v5@v5.3.1",
			"root causes lost (jwt-go/v3/mapclaims has them, golang-jwt/v5/mapclaims does not)",
			"wrong-type-as-absent", "root cause wrong-type-as-absent → (RFC behaviour)",
			"informational: jwtconform diff -adapters exits 0"}},
		{"results.json", []string{"diff", "-adapters", "golang-jwt/v4/mapclaims", "golang-jwt/v5/mapclaims", results}, []string{headline}},
		{"flags after the arguments", []string{"diff", "golang-jwt/v4/mapclaims", "golang-jwt/v5/mapclaims", results, "-adapters", "-md"}, []string{
			"## jwtconform diff -adapters: `golang-jwt/v4/mapclaims` → `golang-jwt/v5/mapclaims`", "| severity | gained | lost |"}},
		{"json", []string{"diff", "-adapters", "-json", "golang-jwt/v4/mapclaims", "golang-jwt/v5/mapclaims", results}, []string{
			`"schema": "jwtconform-migration/v1"`, fmt.Sprintf(`"verdicts": %d,`, m.Summary.Verdicts), `"causes": [`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := invoke(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, stdout)
				}
			}
		})
	}
}

func TestDiffAdaptersBadInput(t *testing.T) {
	dir := runSubset(t)
	results := filepath.Join(dir, "results.json")
	narrow := filepath.Join(t.TempDir(), "narrow")
	if code, _, stderr := invoke(t, "run", "-out", narrow, "-adapter", "jwx/*", "-vectors", "exp-boundary/*", "-properties=false", "-fuzz=false", "-timelines=false"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"one adapter", []string{"diff", "-adapters", "jwx/v2/jwt"}, "want FROM TO [results.json], got 1 argument(s)"},
		{"four arguments", []string{"diff", "-adapters", "a", "b", "c", "d"}, "got 4 argument(s)"},
		{"the same adapter", []string{"diff", "-adapters", "jwx/v2/jwt", "jwx/v2/jwt"}, `FROM and TO are both "jwx/v2/jwt"`},
		{"unknown adapter", []string{"diff", "-adapters", "jwx/v2/jwt", "nope/v1"}, `no built-in adapter "nope/v1"`},
		{"adapter the file lacks", []string{"diff", "-adapters", "go-jose/v4/leeway", "jwx/v3/jwt", filepath.Join(narrow, "results.json")}, `no adapter "go-jose/v4/leeway" in the results`},
		{"unreadable file", []string{"diff", "-adapters", "jwx/v2/jwt", "jwx/v3/jwt", filepath.Join(dir, "missing.json")}, "missing.json"},
		{"md and json", []string{"diff", "-adapters", "-md", "-json", "jwx/v2/jwt", "jwx/v3/jwt", results}, "-md and -json exclude each other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := invoke(t, tc.args...)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, stdout)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q, want one line with %q", stderr, tc.want)
			}
		})
	}
}
