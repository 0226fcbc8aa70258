package main

import (
	"fmt"
	"io"
	"os"

	"github.com/jwtconform/jwtconform/report"
)

// diffResults compares two results.json files and prints every changed
// outcome; it returns errChanged, for exit status 1, when a verdict
// changed.
func diffResults(args []string, out, _ io.Writer) error {
	fs := newFlags("diff")
	md := fs.Bool("md", false, "write Markdown, for a pull request or job summary")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
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
	if err := report.WriteDiff(out, delta, *md); err != nil {
		return err
	}
	if delta.VerdictsChanged() > 0 {
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
