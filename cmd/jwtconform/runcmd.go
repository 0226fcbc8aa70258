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

// subjectsOf pairs adapters with their built-in profiles and records;
// tests replace it to give a profile that no longer explains a library.
var subjectsOf = conformance.Subjects

// failDetails bounds the items run lists per -fail-on condition that
// failed it.
const failDetails = 10

// runSuite runs every selected vector through every selected adapter,
// writes results.json, report.md and report.html, and prints the
// scoreboard and the paths. When a -fail-on condition is met it says what
// met it and returns an error, for exit status 1, once the reports are
// written.
func runSuite(args []string, out, stderr io.Writer) error {
	fs := newFlags("run")
	dir := fs.String("out", defaultOut, "`DIR` to write results.json, report.md and report.html into; created if need be")
	adapterPat := fs.String("adapter", "*", "adapters to run: a `PATTERN` over their names, such as 'golang-jwt/*,jwx/*'")
	vectorPat := fs.String("vectors", "*", "vectors to run: a `PATTERN` over their ids, such as 'exp-boundary/*'")
	timeout := fs.Duration("timeout", harness.DefaultTimeout, "bound on one library call, a positive `DURATION`")
	timestamp := fs.Bool("timestamp", false, "record the current time in results.json (two runs then differ)")
	quiet := fs.Bool("q", false, "show no progress on stderr (it is shown only when stderr is a terminal)")
	failOn := fs.String("fail-on", report.DefaultFailOn, "`CONDITIONS` that give exit status 1 once the reports are written, comma-separated: "+
		"unexplained (a result the adapter's profile does not predict), changed (a vector outcome that differs from the adapter's record), "+
		"security (any security finding, explained or not), or never")
	var sec sections
	fs.BoolVar(&sec.properties, "properties", true, "report the property results go test recorded (profiles/*.record.jsonl), replaying each counterexample")
	fs.StringVar(&sec.resources, "resources", "off", "resource-exhaustion `SWEEP`: off, quick (1 KB to 16 KB, seconds) or full (1 KB to 10 MB, minutes); its allocation figures vary slightly between runs")
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
	conds, err := report.ParseFailOn(*failOn)
	if err != nil {
		return fmt.Errorf("%w: -fail-on: %v", errUsage, err)
	}
	if err := checkTimeout(*timeout); err != nil {
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
	subjects, err := subjectsOf(as)
	if err != nil {
		return err
	}
	// A folder the reports cannot go into is found now, once the flags are
	// known to be good, not after the minute the run takes.
	if err := checkWritable(*dir); err != nil {
		return err
	}
	prog := newProgress(stderr, *quiet, wallClock)
	defer prog.close()
	sec.stage = prog.stage
	results, err := evaluate(context.Background(), conformance.Evaluator{Timeout: *timeout}, subjects, vs, prog.stage("vectors"))
	if err != nil {
		return err
	}
	in := report.Input{Subjects: subjects, Vectors: vs, Results: results, Migrations: builtinMigrations()}
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
	records := make(map[string]*conformance.Record, len(subjects))
	for _, s := range subjects {
		records[s.Adapter.Name()] = s.Profile.Record
	}
	check := report.CheckRun(doc, records, conds)
	if !check.Failed() {
		return nil
	}
	fmt.Fprintln(out)
	for _, l := range check.Details(failDetails) {
		fmt.Fprintln(out, l)
	}
	return fmt.Errorf("%s (the reports are written; -fail-on never exits 0 whatever the libraries did)", check.Reason())
}

// checkWritable creates dir if need be and checks that a file can be
// created in it, by creating and removing one.
func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%w: -out: %v", errUsage, err)
	}
	f, err := os.CreateTemp(dir, ".jwtconform-write-check-*")
	if err != nil {
		return fmt.Errorf("%w: -out %s is not writable: %v", errUsage, dir, err)
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("%w: -out %s: %v", errUsage, dir, err)
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
