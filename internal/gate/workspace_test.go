package gate

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// offline is the toolchain of these tests: no module proxy, so that a
// test that would need the network fails instead of reaching it.
var offline = Toolchain{Env: []string{"GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local"}}

// fixture writes a tiny checkout, module SourceModule, whose command
// prints a library's verdict into results.json, and three versions of the
// library, served by replace directives instead of a proxy: v1.0.0
// (accept, required by go.mod), v1.1.0 (reject) and v1.2.0 (drops the
// function the command calls, so the command does not build against it).
func fixture(t *testing.T) (src string) {
	t.Helper()
	root := t.TempDir()
	lib := func(version, body string) string {
		dir := filepath.Join(root, "lib-"+version)
		writeFiles(t, dir, map[string]string{
			"go.mod": "module example.com/lib\n\ngo 1.26\n",
			"lib.go": "package lib\n\n" + body,
		})
		return dir
	}
	v100 := lib("v1.0.0", "func Verdict() string { return \"accept\" }\n")
	v110 := lib("v1.1.0", "func Verdict() string { return \"reject\" }\n")
	v120 := lib("v1.2.0", "func Judge() string { return \"reject\" }\n")
	src = filepath.Join(root, "src")
	writeFiles(t, src, map[string]string{
		"go.mod": "module " + SourceModule + "\n\ngo 1.26\n\nrequire example.com/lib v1.0.0\n\n" +
			"replace example.com/lib v1.0.0 => " + v100 + "\n" +
			"replace example.com/lib v1.1.0 => " + v110 + "\n" +
			"replace example.com/lib v1.2.0 => " + v120 + "\n",
		"cmd/jwtconform/main.go": `package main

import (
	"os"
	"path/filepath"

	"example.com/lib"
)

// main mimics 'jwtconform run -q -out DIR': it writes DIR/results.json
// and exits 1, as run does when a result is unexplained.
func main() {
	out := os.Args[len(os.Args)-1]
	if err := os.MkdirAll(out, 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(filepath.Join(out, "results.json"), []byte(lib.Verdict()+"\n"), 0o644); err != nil {
		panic(err)
	}
	os.Exit(1)
}
`,
	})
	return src
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMeasure(t *testing.T) {
	ctx := context.Background()
	src := fixture(t)
	goMod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	found, err := FindSource(ctx, filepath.Join(src, "cmd", "jwtconform"), offline)
	if err != nil || found != src {
		t.Fatalf("FindSource = %q, %v; want %q", found, err, src)
	}
	w, err := NewWorkspace(ctx, src, offline)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name, version, wantVersion, want string
	}{
		{"the checkout's own version", "", "v1.0.0", "accept"},
		{"an upgrade", "v1.1.0", "v1.1.0", "reject"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			m, err := w.Measure(ctx, "example.com/lib", tc.version, out)
			if err != nil {
				t.Fatal(err)
			}
			if m.Version != tc.wantVersion || m.Results != filepath.Join(out, "results.json") {
				t.Errorf("Measure = %+v, want version %s, results in %s", m, tc.wantVersion, out)
			}
			b, err := os.ReadFile(m.Results)
			if err != nil || strings.TrimSpace(string(b)) != tc.want {
				t.Errorf("results.json = %q, %v; want %q", b, err, tc.want)
			}
		})
	}

	t.Run("a version the command does not build against", func(t *testing.T) {
		_, err := w.Measure(ctx, "example.com/lib", "v1.2.0", "")
		var be *BuildError
		if !errors.As(err, &be) {
			t.Fatalf("err = %v, want a *BuildError", err)
		}
		if be.Version != "v1.2.0" || len(be.Lines) < 2 || be.Lines[0] != "# "+SourceModule+"/cmd/jwtconform" || !strings.Contains(be.Lines[1], "undefined: lib.Verdict") {
			t.Errorf("BuildError = %+v, want the package header and the undefined name", be)
		}
	})
	t.Run("a version no proxy can be asked for", func(t *testing.T) {
		_, err := w.Measure(ctx, "example.com/lib", "v1.3.0", "")
		if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "GOPROXY=off") {
			t.Errorf("err = %v, want ErrUnreachable naming GOPROXY=off", err)
		}
	})
	t.Run("a module the checkout does not require", func(t *testing.T) {
		_, err := w.Measure(ctx, "example.com/other", "v1.0.0", "")
		if !errors.Is(err, ErrNotDependency) || !strings.Contains(err.Error(), "example.com/lib") {
			t.Errorf("err = %v, want ErrNotDependency listing example.com/lib", err)
		}
	})

	after, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, goMod) {
		t.Errorf("the checkout's go.mod changed:\n%s", after)
	}
	if _, err := os.Stat(filepath.Join(src, "go.sum")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the checkout gained a go.sum: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(w.Dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Close left %s: %v", w.Dir, err)
	}
}

func TestNewWorkspaceWantsACheckout(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/other\n\ngo 1.26\n"})
	if _, err := NewWorkspace(context.Background(), dir, offline); !errors.Is(err, ErrNotSource) {
		t.Errorf("a go.mod of another module: err = %v, want ErrNotSource", err)
	}
	if _, err := NewWorkspace(context.Background(), t.TempDir(), offline); !errors.Is(err, ErrNotSource) {
		t.Errorf("no go.mod: err = %v, want ErrNotSource", err)
	}
}
