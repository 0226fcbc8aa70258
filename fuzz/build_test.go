package fuzz

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// targetDecl finds a fuzz target's declaration.
var targetDecl = regexp.MustCompile(`(?m)^func (Fuzz[A-Za-z0-9_]+)\(f \*testing\.F\)`)

// declaredTargets maps each fuzz target in this directory to its file.
func declaredTargets(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range targetDecl.FindAllSubmatch(b, -1) {
			out[string(m[1])] = f
		}
	}
	return out
}

// TestClusterFuzzLiteBuild checks .clusterfuzzlite/build.sh against the
// targets: it names every target and no other, and each target can be
// built by compile_native_go_fuzzer, which greps this directory for the
// target's name and must find exactly the one file that declares it.
func TestClusterFuzzLiteBuild(t *testing.T) {
	declared := declaredTargets(t)
	if len(declared) == 0 {
		t.Fatal("no fuzz targets found")
	}
	b, err := os.ReadFile("../.clusterfuzzlite/build.sh")
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 4 && f[0] == "compile_native_go_fuzzer" {
			if f[1] != "github.com/jwtconform/jwtconform/fuzz" {
				t.Errorf("build.sh: %q builds from package %s, want github.com/jwtconform/jwtconform/fuzz", line, f[1])
			}
			named = append(named, f[2])
		}
	}
	for _, n := range named {
		if _, ok := declared[n]; !ok {
			t.Errorf("build.sh names %s, which no file in fuzz/ declares as func %s(f *testing.F)", n, n)
		}
	}
	for n, file := range declared {
		if !slices.Contains(named, n) {
			t.Errorf("build.sh does not build %s (declared in %s)", n, file)
		}
		var holders []string
		err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			c, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if bytes.Contains(c, []byte(n)) {
				holders = append(holders, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(holders) != 1 || holders[0] != file {
			t.Errorf("%s appears in %v: compile_native_go_fuzzer needs it in %s alone", n, holders, file)
		}
	}
}

// TestFuzzWorkflow checks the pull-request fuzz workflow runs every
// target.
func TestFuzzWorkflow(t *testing.T) {
	b, err := os.ReadFile("../.github/workflows/fuzz.yml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`target: \[([^\]]*)\]`).FindSubmatch(b)
	if m == nil {
		t.Fatal("fuzz.yml: no target matrix")
	}
	var listed []string
	for _, s := range strings.Split(string(m[1]), ",") {
		listed = append(listed, strings.TrimSpace(s))
	}
	for n := range declaredTargets(t) {
		if !slices.Contains(listed, n) {
			t.Errorf("fuzz.yml does not run %s", n)
		}
	}
}
