package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/internal/gate"
)

// gateFixture writes a checkout (module github.com/jwtconform/jwtconform)
// whose command copies the results.json its library version names, and
// four versions of that library served by replace directives, so that gate
// and history run with no network: v1.0.0 (required by go.mod) names
// old.json, v1.1.0 names new.json (one verdict flipped), v1.2.0 drops
// the function the command calls and v1.3.0 has no replacement, so the
// go command would have to ask a proxy.
func gateFixture(t *testing.T) (src, old, changed string) {
	t.Helper()
	dir := runSubset(t)
	old = filepath.Join(dir, "results.json")
	b, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	line := `"vector":"exp-boundary/exp-equals-now","mode":"explicit","alg":"HS256","verdict":"reject","class":"expired"`
	if !bytes.Contains(b, []byte(line)) {
		t.Fatalf("results.json lacks the result to flip:\n%s", line)
	}
	changed = writeTemp(t, "new.json", bytes.Replace(b, []byte(line), []byte(`"vector":"exp-boundary/exp-equals-now","mode":"explicit","alg":"HS256","verdict":"accept"`), 1))

	root := t.TempDir()
	write := func(path, body string) {
		t.Helper()
		p := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replaces := ""
	for v, body := range map[string]string{
		"v1.0.0": "func File() string { return " + strconvQuote(old) + " }\n",
		"v1.1.0": "func File() string { return " + strconvQuote(changed) + " }\n",
		"v1.2.0": "func Path() string { return \"\" }\n",
	} {
		write("lib-"+v+"/go.mod", "module example.com/lib\n\ngo 1.26\n")
		write("lib-"+v+"/lib.go", "package lib\n\n"+body)
		replaces += "replace example.com/lib " + v + " => " + filepath.Join(root, "lib-"+v) + "\n"
	}
	write("src/go.mod", "module github.com/jwtconform/jwtconform\n\ngo 1.26\n\nrequire example.com/lib v1.0.0\n\n"+replaces)
	write("src/cmd/jwtconform/main.go", `package main

import (
	"os"
	"path/filepath"

	"example.com/lib"
)

// main stands for 'jwtconform run -q -out DIR -adapter PATTERN'.
func main() {
	out := os.Args[4]
	b, err := os.ReadFile(lib.File())
	if err != nil {
		panic(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(filepath.Join(out, "results.json"), b, 0o644); err != nil {
		panic(err)
	}
}
`)
	return filepath.Join(root, "src"), old, changed
}

func strconvQuote(s string) string { return "`" + s + "`" }

// offlineGo makes gate and history build with no module proxy for the
// test.
func offlineGo(t *testing.T) {
	t.Helper()
	saved := toolchain
	toolchain = gate.Toolchain{Env: []string{"GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local"}}
	t.Cleanup(func() { toolchain = saved })
}

func TestGate(t *testing.T) {
	offlineGo(t)
	src, old, changed := gateFixture(t)
	goMod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(t.TempDir(), "keep")
	for _, tc := range []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout []string
		wantStderr string
	}{
		{"a verdict changes", []string{"-version", "v1.1.0"}, 1, []string{
			"gate: example.com/lib v1.0.0 -> v1.1.0\n", "1 verdict changed", "exp-boundary/exp-equals-now"}, ""},
		{"markdown", []string{"-version", "v1.1.0", "-md"}, 1, []string{
			"**jwtconform gate**: `example.com/lib` v1.0.0 → v1.1.0", "### golang-jwt/v5/mapclaims: 1 verdict changed (1 outcome)"}, ""},
		{"from a version", []string{"-version", "v1.1.0", "-from", "v1.1.0"}, 0, []string{"v1.1.0 -> v1.1.0", "nothing changed"}, ""},
		{"against a baseline", []string{"-version", "v1.1.0", "-baseline", changed}, 0, []string{"baseline " + changed + " -> v1.1.0", "nothing changed"}, ""},
		{"reports kept", []string{"-version", "v1.0.0", "-out", keep}, 0, []string{"nothing changed"}, ""},
		{"a build failure", []string{"-version", "v1.2.0"}, 3, []string{
			"gate: example.com/lib v1.2.0: build failure (the version gated): jwtconform does not compile against it:\n  # github.com/jwtconform/jwtconform/cmd/jwtconform\n",
			"undefined: lib.File"}, ""},
		{"a build failure in Markdown", []string{"-version", "v1.2.0", "-md"}, 3, []string{"**build failure**", "```text\n# github.com/jwtconform/jwtconform/cmd/jwtconform\n"}, ""},
		{"the base does not build", []string{"-version", "v1.1.0", "-from", "v1.2.0"}, 3, []string{"build failure (the base)"}, ""},
		{"no proxy", []string{"-version", "v1.3.0"}, 2, nil, "jwtconform: gate: the module proxy is not reachable (GOPROXY=off): go: example.com/lib@v1.3.0: module lookup disabled by GOPROXY=off\n"},
		{"not a dependency", []string{"-version", "v1.0.0", "-module", "example.com/other"}, 2, nil, "does not require example.com/other (it requires example.com/lib)"},
		{"-from and -baseline", []string{"-version", "v1.1.0", "-from", "v1.0.0", "-baseline", old}, 2, nil, "-from and -baseline"},
		{"no -version", nil, 2, nil, "-version is required"},
		{"a baseline that does not parse", []string{"-version", "v1.1.0", "-baseline", filepath.Join(src, "go.mod")}, 2, nil, "go.mod: not a results file"},
		{"not a checkout", []string{"-version", "v1.1.0", "-src", filepath.Dir(old)}, 2, nil, "not a jwtconform checkout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"gate", "-src", src, "-module", "example.com/lib"}, tc.args...)
			code, stdout, stderr := invoke(t, args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.wantCode, stderr)
			}
			for _, w := range tc.wantStdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			if !strings.Contains(stderr, tc.wantStderr) || (tc.wantStderr == "") != (stderr == "") {
				t.Errorf("stderr %q, want %q", stderr, tc.wantStderr)
			}
		})
	}
	for _, p := range []string{"base/results.json", "head/results.json"} {
		if _, err := os.Stat(filepath.Join(keep, p)); err != nil {
			t.Errorf("-out: %v", err)
		}
	}
	after, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, goMod) {
		t.Errorf("gate changed the checkout's go.mod:\n%s", after)
	}
	if entries, _ := os.ReadDir(src); len(entries) != 2 {
		t.Errorf("gate left files in the checkout: %v", entries)
	}
}

func TestHistory(t *testing.T) {
	offlineGo(t)
	src, _, _ := gateFixture(t)
	out := filepath.Join(t.TempDir(), "history")
	md := filepath.Join(t.TempDir(), "timeline.md")
	code, stdout, stderr := invoke(t, "history", "-src", src, "-module", "example.com/lib", "-out", out, "-md", md, "v1.0.0", "v1.2.0", "v1.1.0")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if stdout != "wrote "+md+"\n" {
		t.Errorf("stdout %q, want the path of the timeline", stdout)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# History of `example.com/lib`",
		"| `v1.2.0` | fails: `cmd/jwtconform/main.go:",
		"| `v1.1.0` | ok | 1 | 1 | 0 |",
		"## Vector outcomes that change (1)",
		"| `reject/expired` | **`accept`** |",
		"### v1.1.0 (from v1.0.0)",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("timeline lacks %q:\n%s", want, b)
		}
	}
	for _, v := range []string{"v1.0.0", "v1.1.0"} {
		if _, err := os.Stat(filepath.Join(out, v, "results.json")); err != nil {
			t.Errorf("history did not keep %s's results: %v", v, err)
		}
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"v1.0.0"}, "want two or more versions"},
		{[]string{"v1.0.0", "v1.0.0"}, "version v1.0.0 given twice"},
		{[]string{"v1.0.0", "../x"}, `"../x" is not a version`},
		{[]string{"v1.0.0", "v1.3.0"}, "the module proxy is not reachable"},
	} {
		code, _, stderr := invoke(t, append([]string{"history", "-src", src, "-module", "example.com/lib", "-out", out}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("history %v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}
