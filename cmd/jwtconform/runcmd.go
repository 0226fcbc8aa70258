package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/report"
)

// defaultOut is where run writes its reports.
const defaultOut = "jwtconform-report"

// runSuite runs every selected vector through every selected adapter,
// writes results.json, report.md and report.html, and prints the
// scoreboard and the paths.
func runSuite(args []string, out io.Writer) error {
	fs := newFlags("run")
	dir := fs.String("out", defaultOut, "directory to write results.json, report.md and report.html into")
	adapterPat := fs.String("adapter", "*", "glob over adapter names, such as 'golang-jwt/*'")
	vectorPat := fs.String("vectors", "*", "glob over vector ids, such as 'exp-boundary/*'")
	timeout := fs.Duration("timeout", harness.DefaultTimeout, "bound on one library call")
	timestamp := fs.Bool("timestamp", false, "record the current time in results.json (two runs then differ)")
	var sec sections
	fs.BoolVar(&sec.properties, "properties", true, "report the property results go test recorded (profiles/*.record.jsonl), replaying each counterexample")
	fs.StringVar(&sec.resources, "resources", "off", "resource-exhaustion sweep: off, quick or full (its allocation figures vary slightly between runs)")
	fs.BoolVar(&sec.fuzz, "fuzz", true, "replay the committed fuzz corpus and list its findings")
	fs.BoolVar(&sec.timelines, "timelines", true, "measure each adapter's acceptance timeline around nbf and exp (under a second)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("run", pos, 0, "no arguments"); err != nil {
		return err
	}
	if err := sec.validate(); err != nil {
		return err
	}
	as, err := selectAdapters(*adapterPat)
	if err != nil {
		return err
	}
	vs, err := selectVectors(*vectorPat)
	if err != nil {
		return err
	}
	subjects, err := conformance.Subjects(as)
	if err != nil {
		return err
	}
	results, err := conformance.Evaluator{Timeout: *timeout}.EvaluateAll(context.Background(), subjects, vs)
	if err != nil {
		return err
	}
	in := report.Input{Subjects: subjects, Vectors: vs, Results: results}
	if err := sec.fill(context.Background(), &in, as, *timeout); err != nil {
		return err
	}
	if *adapterPat != "*" || *vectorPat != "*" {
		in.Selection = &report.Selection{Adapters: *adapterPat, Vectors: *vectorPat}
	}
	if *timestamp {
		in.Timestamp = wallClock()
	}
	doc, err := report.Build(in)
	if err != nil {
		return err
	}
	paths, err := writeReports(*dir, doc)
	if err != nil {
		return err
	}
	if err := report.WriteScoreboard(out, doc); err != nil {
		return err
	}
	fmt.Fprintln(out)
	for _, p := range paths {
		fmt.Fprintln(out, "wrote", p)
	}
	return nil
}

// writeReports writes the three reports into dir and returns their paths.
func writeReports(dir string, doc report.Document) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%w: -out: %v", errUsage, err)
	}
	var paths []string
	for _, f := range []struct {
		name  string
		write func(io.Writer, report.Document) error
	}{
		{"results.json", report.Encode},
		{"report.md", report.WriteMarkdown},
		{"report.html", report.WriteHTML},
	} {
		p := filepath.Join(dir, f.name)
		if err := writeFile(p, func(w io.Writer) error { return f.write(w, doc) }); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// writeFile writes a file through write and closes it, keeping the first
// error.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
