package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/jwtconform/jwtconform/internal/gate"
	"github.com/jwtconform/jwtconform/report"
)

// errBuildFailed is gate's way to ask for exit status 3, the build
// failure already printed on stdout.
var errBuildFailed = errors.New("build failure")

// toolchain is the go command gate and history build with; tests point it
// at an offline setup.
var toolchain = gate.Toolchain{}

// versionFlags are the flags gate and history share: the library, the
// checkout to build and the adapters to run.
type versionFlags struct {
	module  string
	src     string
	adapter string
}

func (v *versionFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&v.module, "module", "", "the library's module `PATH`, such as github.com/go-jose/go-jose/v4 (required)")
	fs.StringVar(&v.src, "src", "", "the jwtconform checkout to build, a `DIR` (default: the module of the working folder)")
	fs.StringVar(&v.adapter, "adapter", "*", "adapters to run: a `PATTERN` over their names, such as 'go-jose/*'")
}

// workspace checks the flags and opens a workspace on the checkout; the
// caller closes it.
func (v *versionFlags) workspace(ctx context.Context, cmd string) (*gate.Workspace, error) {
	if v.module == "" {
		return nil, fmt.Errorf("%w: %s: -module is required (see 'jwtconform %s -h')", errUsage, cmd, cmd)
	}
	if _, err := selectAdapters(v.adapter); err != nil {
		return nil, err
	}
	src := v.src
	if src == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if src, err = gate.FindSource(ctx, wd, toolchain); err != nil {
			return nil, fmt.Errorf("%w: %s: %v: run it inside a jwtconform checkout, or pass -src DIR", errUsage, cmd, err)
		}
	}
	w, err := gate.NewWorkspace(ctx, src, toolchain)
	if err != nil {
		if errors.Is(err, gate.ErrNotSource) {
			return nil, fmt.Errorf("%w: %s: -src: %v", errUsage, cmd, err)
		}
		return nil, err
	}
	w.RunArgs = []string{"-adapter", v.adapter}
	if _, err := w.Requires(v.module); err != nil {
		w.Close()
		return nil, fmt.Errorf("%w: %s: -module: %v", errUsage, cmd, err)
	}
	return w, nil
}

// measureError turns what the workspace could not do into the command's
// error: an unreachable proxy and a version that does not resolve are bad
// input (exit status 2); a build failure is returned as it is, for the
// caller to report as an outcome.
func measureError(cmd string, err error) error {
	var ve *gate.VersionError
	switch {
	case errors.Is(err, gate.ErrUnreachable):
		return fmt.Errorf("%w: %s: %v", errUsage, cmd, err)
	case errors.As(err, &ve):
		return fmt.Errorf("%w: %s: -version %s: %s", errUsage, cmd, ve.Version, ve.Reason)
	}
	return err
}

// interruptible is ctx cancelled on an interrupt, so that the workspace
// is still removed.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// gateVersion builds the suite against another version of one library,
// runs it, and diffs its results against the checkout's own (or a given
// baseline): the upgrade gate without touching go.mod.
func gateVersion(args []string, out, _ io.Writer) error {
	fs := newFlags("gate")
	var vf versionFlags
	vf.register(fs)
	version := fs.String("version", "", "the library `VERSION` to gate, such as v4.1.4, or a go get query such as latest (required)")
	from := fs.String("from", "", "the `VERSION` to compare against (default: the one the checkout's go.mod requires)")
	baseline := fs.String("baseline", "", "a results.json `FILE` to compare against instead of building the checkout (default: none)")
	md := fs.Bool("md", false, "write Markdown, for a pull request or job summary")
	keep := fs.String("out", "", "`DIR` to keep both runs' reports in, as DIR/base and DIR/head (default: none, everything is removed)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("gate", pos, 0, "no arguments"); err != nil {
		return err
	}
	if *version == "" {
		return fmt.Errorf("%w: gate: -version is required (see 'jwtconform gate -h')", errUsage)
	}
	if *from != "" && *baseline != "" {
		return fmt.Errorf("%w: gate: -from and -baseline both name what to compare against: give one", errUsage)
	}
	var base report.Document
	baseLabel := ""
	if *baseline != "" {
		if base, err = readResults(*baseline); err != nil {
			return err
		}
		baseLabel = "baseline " + *baseline
	}
	baseOut, headOut := "", ""
	if *keep != "" {
		if err := checkWritable(*keep); err != nil {
			return err
		}
		baseOut, headOut = filepath.Join(*keep, "base"), filepath.Join(*keep, "head")
	}
	ctx, stop := interruptible()
	defer stop()
	w, err := vf.workspace(ctx, "gate")
	if err != nil {
		return err
	}
	defer w.Close()

	if *baseline == "" {
		m, err := w.Measure(ctx, vf.module, *from, baseOut)
		if err != nil {
			return gateFailure(out, *md, vf.module, "the base", err)
		}
		if base, err = readMeasured(m); err != nil {
			return err
		}
		baseLabel = m.Version
	}
	m, err := w.Measure(ctx, vf.module, *version, headOut)
	if err != nil {
		return gateFailure(out, *md, vf.module, "the version gated", err)
	}
	head, err := readMeasured(m)
	if err != nil {
		return err
	}
	delta := report.Diff(base, head)
	if *md {
		fmt.Fprintf(out, "**jwtconform gate**: %s %s → %s\n\n", "`"+vf.module+"`", baseLabel, m.Version)
	} else {
		fmt.Fprintf(out, "gate: %s %s -> %s\n", vf.module, baseLabel, m.Version)
	}
	if err := report.WriteDiff(out, delta, *md); err != nil {
		return err
	}
	if delta.Gates() {
		return errChanged
	}
	return nil
}

// gateFailure reports a measurement that failed. A build failure is an
// outcome, printed on stdout for the job summary, and exit status 3.
func gateFailure(out io.Writer, md bool, module, what string, err error) error {
	var be *gate.BuildError
	if !errors.As(err, &be) {
		return measureError("gate", err)
	}
	lines := be.Report()
	if md {
		fmt.Fprintf(out, "**jwtconform gate**: `%s` %s: **build failure** (%s): jwtconform does not compile against it.\n\n```text\n%s\n```\n", module, be.Version, what, strings.Join(lines, "\n"))
	} else {
		fmt.Fprintf(out, "gate: %s %s: build failure (%s): jwtconform does not compile against it:\n", module, be.Version, what)
		for _, l := range lines {
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	return errBuildFailed
}

// readMeasured reads the results.json of a measurement; the suite wrote
// it, so a problem with it is the suite's, not the input's.
func readMeasured(m gate.Measurement) (report.Document, error) {
	f, err := os.Open(m.Results)
	if err != nil {
		return report.Document{}, err
	}
	defer f.Close()
	d, err := report.Decode(f)
	if err != nil {
		return d, fmt.Errorf("results.json of %s@%s: %w", m.Module, m.Version, err)
	}
	return d, nil
}
