package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/jwtconform/jwtconform/internal/gate"
	"github.com/jwtconform/jwtconform/report"
)

// defaultHistoryOut is where history writes each version's reports.
const defaultHistoryOut = "jwtconform-history"

// history builds and runs the suite against each of a list of versions of
// one library and writes the timeline of what changed in which release.
func history(args []string, out, stderr io.Writer) error {
	fs := newFlags("history")
	var vf versionFlags
	vf.register(fs)
	dir := fs.String("out", defaultHistoryOut, "`DIR` to write each version's reports into, as DIR/VERSION/results.json; created if need be")
	mdPath := fs.String("md", "", "write the timeline to this Markdown `FILE` instead of stdout (default: stdout)")
	quiet := fs.Bool("q", false, "show no progress on stderr (it is shown only when stderr is a terminal)")
	versions, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(versions) < 2 {
		return fmt.Errorf("%w: history: want two or more versions, in release order, got %d (see 'jwtconform history -h')", errUsage, len(versions))
	}
	seen := map[string]bool{}
	for _, v := range versions {
		if v == "" || v == "." || v == ".." || strings.ContainsAny(v, `/\`) {
			return fmt.Errorf("%w: history: %q is not a version", errUsage, v)
		}
		if seen[v] {
			return fmt.Errorf("%w: history: version %s given twice", errUsage, v)
		}
		seen[v] = true
	}
	if err := checkWritable(*dir); err != nil {
		return err
	}
	if *mdPath != "" {
		if err := checkWritable(filepath.Dir(*mdPath)); err != nil {
			return fmt.Errorf("%w: -md %s: its folder is not writable", errUsage, *mdPath)
		}
	}
	ctx, stop := interruptible()
	defer stop()
	w, err := vf.workspace(ctx, "history")
	if err != nil {
		return err
	}
	defer w.Close()

	prog := newProgress(stderr, *quiet, wallClock)
	defer prog.close()
	step := prog.stage("versions")
	var steps []report.HistoryStep
	for i, v := range versions {
		step(i, len(versions))
		m, err := w.Measure(ctx, vf.module, v, filepath.Join(*dir, v))
		var be *gate.BuildError
		switch {
		case errors.As(err, &be):
			steps = append(steps, report.HistoryStep{Version: be.Version, BuildFailure: be.Report()})
			continue
		case err != nil:
			return measureError("history", err)
		}
		doc, err := readMeasured(m)
		if err != nil {
			return err
		}
		steps = append(steps, report.HistoryStep{Version: m.Version, Results: &doc})
	}
	step(len(versions), len(versions))
	if *mdPath == "" {
		return report.WriteHistory(out, vf.module, steps)
	}
	if err := writeFile(*mdPath, func(w io.Writer) error { return report.WriteHistory(w, vf.module, steps) }); err != nil {
		return err
	}
	fmt.Fprintln(out, "wrote", *mdPath)
	return nil
}
