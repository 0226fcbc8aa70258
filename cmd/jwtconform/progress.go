package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/resource"
	"github.com/jwtconform/jwtconform/vectors"
)

// stageFunc starts a stage of a run by name and returns the callback its
// work reports to: done of total items finished. It is the one hook
// between the stages and whatever shows their progress, so a stage that
// changes how it gets its results only has to keep calling it.
type stageFunc func(name string) func(done, total int)

// progress shows how far each stage of a run has got on one line of a
// terminal, rewritten in place with \r ("vectors 1200/6840  3.1s"), and
// leaves one final line per stage. The nil *progress shows nothing, so a
// quiet run, or one whose stderr is not a terminal, needs no special case.
// Its callbacks are called from one goroutine at a time.
type progress struct {
	w io.Writer
	// now is the clock elapsed times are read from: the wall clock in
	// the command, a fake one in tests.
	now func() time.Time
	// every is the least time between two updates of a stage's line, so
	// that thousands of steps cannot flood a slow terminal.
	every time.Duration
	// open is true while a stage's line is on the screen unended.
	open bool
}

// newProgress returns the progress display for a run writing to stderr:
// nil, showing nothing, when quiet or when stderr is not a terminal (a
// pipe, a file or a CI log would keep every \r-separated update).
func newProgress(stderr io.Writer, quiet bool, now func() time.Time) *progress {
	if quiet || !isTerminal(stderr) {
		return nil
	}
	return &progress{w: stderr, now: now, every: 100 * time.Millisecond}
}

// isTerminal reports whether w is a character device, as a terminal is.
// It uses only os.File.Stat, to keep the command free of dependencies.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// stage starts the stage called name; see stageFunc. The stage's line is
// written at its first step, then at most once per p.every, and for the
// last time, ending the line, when done reaches total.
func (p *progress) stage(name string) func(done, total int) {
	if p == nil {
		return func(int, int) {}
	}
	start := p.now()
	var last time.Time
	shown, finished := false, false
	return func(done, total int) {
		if finished {
			return
		}
		t := p.now()
		final := done >= total
		if shown && !final && t.Sub(last) < p.every {
			return
		}
		shown, last = true, t
		// Within a stage a line never gets shorter (the counts and the
		// elapsed time only grow), so \r alone overwrites the last one.
		fmt.Fprintf(p.w, "\r%s %d/%d  %.1fs", name, done, total, t.Sub(start).Seconds())
		p.open = true
		if final {
			p.close()
			finished = true
		}
	}
}

// close ends a stage's line left on the screen, as when a run fails in
// the middle of a stage, so that the error starts on a line of its own.
func (p *progress) close() {
	if p != nil && p.open {
		fmt.Fprintln(p.w)
		p.open = false
	}
}

// vectorChunk is how many vectors one batch evaluates between two
// progress steps: about sixty steps for the built-in vectors, each batch
// still large enough (vectors x adapters x modes calls) to keep every core
// busy.
const vectorChunk = 10

// evaluate is e.EvaluateAll in batches of vectorChunk vectors, reporting
// the results done after each to step. The results are the same, in the
// same order, as one EvaluateAll over every vector.
func evaluate(ctx context.Context, e conformance.Evaluator, subjects []conformance.Subject, vs []vectors.Vector, step func(done, total int)) ([]conformance.Result, error) {
	total := len(subjects) * len(vs) * len(conformance.Modes)
	step(0, total)
	out := make([]conformance.Result, 0, total)
	for chunk := range slices.Chunk(vs, vectorChunk) {
		rs, err := e.EvaluateAll(ctx, subjects, chunk)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
		step(len(out), total)
	}
	conformance.SortResults(out)
	return out, nil
}

// measureResources is resource.MeasureResources one adapter at a time,
// in the order it sorts them, reporting the adapters done to step.
func measureResources(ctx context.Context, as []adapters.Adapter, sizes []int, step func(done, total int)) []conformance.ResourceResult {
	as = slices.Clone(as)
	slices.SortFunc(as, func(a, b adapters.Adapter) int { return strings.Compare(a.Name(), b.Name()) })
	step(0, len(as))
	var out []conformance.ResourceResult
	for i, a := range as {
		out = append(out, resource.MeasureResources(ctx, []adapters.Adapter{a}, sizes)...)
		step(i+1, len(as))
	}
	return out
}

// corpusFiles counts the files of a fuzz corpus (one directory per
// target, as fuzz.Committed returns it), the fuzz stage's total. The
// replay takes a fraction of a second, so the stage reports only its
// start and its end.
func corpusFiles(fsys fs.FS) (int, error) {
	targets, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return 0, fmt.Errorf("fuzz: corpus: %w", err)
	}
	n := 0
	for _, t := range targets {
		if !t.IsDir() {
			continue
		}
		files, err := fs.ReadDir(fsys, t.Name())
		if err != nil {
			return 0, fmt.Errorf("fuzz: corpus: %w", err)
		}
		for _, f := range files {
			if !f.IsDir() {
				n++
			}
		}
	}
	return n, nil
}
