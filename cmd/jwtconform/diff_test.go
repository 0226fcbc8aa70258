package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runSubset runs the suite on a few vectors into a fresh directory and
// returns the directory.
func runSubset(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := invoke(t, "run", "-out", dir, "-vectors", "exp-boundary/*,nbf-boundary/*")
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
