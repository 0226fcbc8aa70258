package gate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// SourceModule is the module path of a jwtconform checkout.
const SourceModule = "github.com/jwtconform/jwtconform"

// Workspace builds the jwtconform command of one checkout against chosen
// versions of a library. Everything it writes goes under Dir, which Close
// removes.
type Workspace struct {
	// Src is the checkout: the folder of its go.mod.
	Src string
	// Dir is the temporary folder holding the module files, the binaries
	// and the reports.
	Dir string
	// Main is the package to build, relative to Src.
	Main string
	// Go runs the go command.
	Go Toolchain
	// RunArgs are passed to the built command after "run -q -out DIR",
	// such as "-adapter", "go-jose/*".
	RunArgs []string

	mod modFile
	n   int
}

// NewWorkspace prepares a workspace for the checkout at src, which must be
// the folder of a go.mod whose module is SourceModule.
func NewWorkspace(ctx context.Context, src string, tc Toolchain) (*Workspace, error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(abs, "go.mod")); err != nil {
		return nil, fmt.Errorf("%w: %s has no go.mod", ErrNotSource, src)
	}
	mod, err := tc.readModFile(ctx, abs, filepath.Join(abs, "go.mod"))
	if err != nil {
		return nil, err
	}
	if mod.Module.Path != SourceModule {
		return nil, fmt.Errorf("%w: %s is module %s, want %s", ErrNotSource, filepath.Join(src, "go.mod"), mod.Module.Path, SourceModule)
	}
	dir, err := os.MkdirTemp("", "jwtconform-gate-")
	if err != nil {
		return nil, err
	}
	return &Workspace{Src: abs, Dir: dir, Main: "./cmd/jwtconform", Go: tc, mod: mod}, nil
}

// FindSource returns the folder of the go.mod that governs dir, as the go
// command finds it, or ErrNotSource.
func FindSource(ctx context.Context, dir string, tc Toolchain) (string, error) {
	gomod, err := tc.env(ctx, dir, "GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("%w: %s is in no Go module", ErrNotSource, dir)
	}
	return filepath.Dir(gomod), nil
}

// Close removes everything the workspace wrote.
func (w *Workspace) Close() error { return os.RemoveAll(w.Dir) }

// Requires returns the checkout's require line for module, or
// ErrNotDependency naming what the checkout requires directly.
func (w *Workspace) Requires(module string) (Requirement, error) {
	if r, ok := w.mod.requirement(module); ok {
		return r, nil
	}
	var direct []string
	for _, r := range w.mod.Require {
		if !r.Indirect {
			direct = append(direct, r.Path)
		}
	}
	return Requirement{}, fmt.Errorf("%w: %s does not require %s (it requires %s)", ErrNotDependency, SourceModule, module, strings.Join(direct, ", "))
}

// Measurement is one run of the jwtconform command built against one
// version of a library.
type Measurement struct {
	// Module is the library's module path.
	Module string
	// Version is the version the build selected: the version asked for,
	// resolved ("latest" becomes a version), or the checkout's own.
	Version string
	// Results is the path of the run's results.json.
	Results string
}

// Measure builds the command with module at version (the checkout's own
// version when version is empty) and runs it, writing its reports into
// out (a folder under Dir when out is empty). The error is a
// *BuildError when the code does not compile against that version, a
// *VersionError when the version cannot be resolved, and wraps
// ErrUnreachable when the module proxy cannot be reached.
func (w *Workspace) Measure(ctx context.Context, module, version, out string) (Measurement, error) {
	req, err := w.Requires(module)
	if err != nil {
		return Measurement{}, err
	}
	w.n++
	dir := filepath.Join(w.Dir, strconv.Itoa(w.n))
	modPath, err := w.copyModFiles(dir)
	if err != nil {
		return Measurement{}, err
	}
	m := Measurement{Module: module, Version: req.Version}
	if version != "" {
		if m.Version, err = w.pin(ctx, modPath, module, version); err != nil {
			return m, err
		}
	}
	bin := filepath.Join(dir, "jwtconform")
	r, err := w.Go.run(ctx, w.Src, "build", "-modfile="+modPath, "-o", bin, w.Main)
	if err != nil {
		if unreachable(string(r.stderr)) {
			return m, w.unreachable(ctx, r.stderr)
		}
		if ctx.Err() != nil {
			return m, ctx.Err()
		}
		lines, more := compilerLines(string(r.stderr), MaxBuildLines)
		return m, &BuildError{Module: module, Version: m.Version, Lines: lines, More: more}
	}
	if out == "" {
		out = filepath.Join(dir, "out")
	}
	// The run works in dir, so a relative out would land there.
	if out, err = filepath.Abs(out); err != nil {
		return m, err
	}
	m.Results = filepath.Join(out, "results.json")
	return m, w.runSuite(ctx, bin, dir, out, m)
}

// copyModFiles copies the checkout's go.mod and go.sum into dir and
// returns the path of the copy of go.mod. With -modfile=dir/go.mod the go
// command reads and writes dir/go.sum too.
func (w *Workspace) copyModFiles(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		if err := copyFile(filepath.Join(w.Src, name), filepath.Join(dir, name)); err != nil && !(name == "go.sum" && errors.Is(err, os.ErrNotExist)) {
			return "", err
		}
	}
	return filepath.Join(dir, "go.mod"), nil
}

// pin changes the copy of go.mod at modPath to require module at version,
// as 'go get' does (downgrading or upgrading what must move with it), and
// returns the version selected.
func (w *Workspace) pin(ctx context.Context, modPath, module, version string) (string, error) {
	r, err := w.Go.run(ctx, w.Src, "get", "-modfile="+modPath, module+"@"+version)
	if err != nil {
		if unreachable(string(r.stderr)) {
			return version, w.unreachable(ctx, r.stderr)
		}
		if ctx.Err() != nil {
			return version, ctx.Err()
		}
		return version, &VersionError{Module: module, Version: version, Reason: goLine(string(r.stderr))}
	}
	mod, err := w.Go.readModFile(ctx, w.Src, modPath)
	if err != nil {
		return version, err
	}
	req, ok := mod.requirement(module)
	if !ok {
		return version, fmt.Errorf("gate: go get %s@%s left no require line for it", module, version)
	}
	return req.Version, nil
}

// runSuite runs the built command. Its exit status may be 1 when results
// are unexplained or changed (that is what the gate measures); what
// counts is that it wrote results.json.
func (w *Workspace) runSuite(ctx context.Context, bin, dir, out string, m Measurement) error {
	args := append([]string{"run", "-q", "-out", out}, w.RunArgs...)
	cmd := exec.CommandContext(ctx, bin, args...)
	// The run's working folder is the temporary one, so that nothing it
	// might write lands in the checkout.
	cmd.Dir = dir
	cmd.Stdout = io.Discard
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return fmt.Errorf("gate: jwtconform run against %s@%s: %v: %s", m.Module, m.Version, err, firstLine(stderr.String()))
	}
	if fi, statErr := os.Stat(m.Results); statErr != nil || fi.Size() == 0 {
		return fmt.Errorf("gate: jwtconform run against %s@%s wrote no results.json (%v): %s", m.Module, m.Version, err, firstLine(stderr.String()))
	}
	return nil
}

// unreachable is the error for a go command that could not reach the
// module proxy: ErrUnreachable, the proxy setting and the go command's
// line.
func (w *Workspace) unreachable(ctx context.Context, stderr []byte) error {
	proxy, err := w.Go.env(ctx, w.Src, "GOPROXY")
	if err != nil {
		proxy = "?"
	}
	return fmt.Errorf("%w (GOPROXY=%s): %s", ErrUnreachable, proxy, goLine(string(stderr)))
}

// copyFile copies a small file.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// limitedBuffer keeps the first 64 KB written to it.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := 64<<10 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return string(l.b) }
