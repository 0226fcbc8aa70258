package main

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/jwtconform/jwtconform/report"
)

// diffResults compares two results.json files and prints everything that
// changed; it returns errChanged, for exit status 1, when a verdict or a
// grade changed (report.Delta.Gates). With -adapters it compares two
// adapters instead (diffAdapters).
func diffResults(args []string, out, _ io.Writer) error {
	fs := newFlags("diff")
	byAdapters := fs.Bool("adapters", false, "compare two adapters instead of two runs: diff -adapters FROM TO [results.json] "+
		"lists what changes, vector by vector and root cause by root cause, when an application moves from adapter FROM to adapter TO, "+
		"over the results.json given or, without one, an in-process run of the two adapters over every vector; informational, exit status 0")
	md := fs.Bool("md", false, "write Markdown for a job summary or pull request: the counts first, then a section per adapter with tables cut at "+strconv.Itoa(report.DiffMarkdownRows)+" rows")
	asJSON := fs.Bool("json", false, "write one JSON object (schema "+report.DiffSchema+"): the counts, then every change per adapter and root cause")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	format := report.DiffText
	switch {
	case *md && *asJSON:
		return fmt.Errorf("%w: diff: -md and -json exclude each other", errUsage)
	case *md:
		format = report.DiffMarkdown
	case *asJSON:
		format = report.DiffJSON
	}
	if *byAdapters {
		return diffAdapters(pos, format, out)
	}
	if err := wantArgs("diff", pos, 2, "OLD.json NEW.json"); err != nil {
		return err
	}
	old, err := readResults(pos[0])
	if err != nil {
		return err
	}
	newer, err := readResults(pos[1])
	if err != nil {
		return err
	}
	delta := report.Diff(old, newer)
	if err := report.WriteDiffAs(out, delta, format); err != nil {
		return err
	}
	if delta.Gates() {
		return errChanged
	}
	return nil
}

// readResults reads a results.json; any problem is bad input.
func readResults(path string) (report.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return report.Document{}, fmt.Errorf("%w: %v", errUsage, err)
	}
	defer f.Close()
	d, err := report.Decode(f)
	if err != nil {
		return d, fmt.Errorf("%w: %s: %v", errUsage, path, err)
	}
	return d, nil
}

// diffDetail is the part of diff's -h that says what it compares and which
// changes decide the exit status.
const diffDetail = "It compares vector outcomes (an unsupported test that now gives a verdict, or the reverse, is called out), " +
	"property results, acceptance timelines, resource grades, fuzz findings, the module versions of every library and of Go, " +
	"and each adapter's deviations and parameters; vector changes are grouped by the root causes the two results name " +
	"(\"old → new\"; none is \"(RFC behaviour)\"). " +
	"Exit status 1 when a verdict or a grade changed: a vector's verdict (unsupported ↔ a verdict included), a property's status, " +
	"an acceptance timeline's accepted spans, a resource grade, or a fuzz finding that appeared, disappeared or changed kind. " +
	"Exit status 0 when nothing changed or only informational things did: a rejection class, an error text, a severity or " +
	"explanation alone, a counterexample, module or Go versions, deviation sets, vectors or adapters added or removed. " +
	"Exit status 2 on bad input. " +
	"With -adapters FROM TO [results.json] it compares two adapters of one run instead: the results whose verdict, class or grade differ, " +
	"grouped by the root causes FROM's and TO's results name, severities gained and lost, and the root causes only one of them has; " +
	"results only one adapter can express the options of (the other says unsupported) are listed apart, not compared. " +
	"Without results.json it runs the two built-in adapters over every vector first. It is informational: exit status 0 whatever changes, 2 on bad input."
