package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/conformance"
)

// fakeClock is a clock that moves only when told to.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// TestProgress drives the progress display through a stage with a fake
// clock and checks what reaches the terminal, byte for byte.
func TestProgress(t *testing.T) {
	// step is one call of a stage's callback, at ms milliseconds into the
	// test.
	type step struct{ ms, done, total int }
	for _, tc := range []struct {
		name  string
		stage string
		steps []step
		want  string
	}{
		{"start, steps and a final line", "vectors", []step{{0, 0, 6840}, {3100, 1200, 6840}, {6200, 6840, 6840}},
			"\rvectors 0/6840  0.0s" + "\rvectors 1200/6840  3.1s" + "\rvectors 6840/6840  6.2s\n"},
		{"updates closer than 100 ms are dropped, the final one is not", "properties", []step{{0, 0, 6}, {50, 1, 6}, {99, 2, 6}, {100, 3, 6}, {120, 6, 6}},
			"\rproperties 0/6  0.0s" + "\rproperties 3/6  0.1s" + "\rproperties 6/6  0.1s\n"},
		{"nothing after the final line", "fuzz corpus", []step{{0, 0, 8}, {200, 8, 8}, {300, 8, 8}},
			"\rfuzz corpus 0/8  0.0s" + "\rfuzz corpus 8/8  0.2s\n"},
		{"an empty stage ends at once", "resources", []step{{0, 0, 0}},
			"\rresources 0/0  0.0s\n"},
		{"elapsed past a minute stays in seconds", "vectors", []step{{0, 0, 10}, {75000, 9, 10}, {75100, 10, 10}},
			"\rvectors 0/10  0.0s" + "\rvectors 9/10  75.0s" + "\rvectors 10/10  75.1s\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			start := time.Unix(1700000000, 0)
			clk := &fakeClock{start}
			p := &progress{w: &buf, now: clk.now, every: 100 * time.Millisecond}
			step := p.stage(tc.stage)
			for _, s := range tc.steps {
				clk.t = start.Add(time.Duration(s.ms) * time.Millisecond)
				step(s.done, s.total)
			}
			if got := buf.String(); got != tc.want {
				t.Errorf("wrote %q, want %q", got, tc.want)
			}
		})
	}
}

// TestProgressStages checks that each stage's elapsed time starts at its
// own start, and that close ends a line a failed stage left unended, once.
func TestProgressStages(t *testing.T) {
	var buf bytes.Buffer
	clk := &fakeClock{time.Unix(0, 0)}
	p := &progress{w: &buf, now: clk.now, every: 100 * time.Millisecond}
	a := p.stage("alpha")
	a(0, 100)
	clk.t = clk.t.Add(2 * time.Second)
	a(100, 100)
	p.close() // nothing to end: alpha's final line ended itself
	b := p.stage("beta")
	clk.t = clk.t.Add(500 * time.Millisecond)
	b(1, 2)
	p.close()
	p.close()
	want := "\ralpha 0/100  0.0s" + "\ralpha 100/100  2.0s\n" + "\rbeta 1/2  0.5s\n"
	if got := buf.String(); got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

// TestProgressShownOnlyOnATerminal checks that progress is off with -q
// and whenever stderr is not a character device: a buffer, a pipe, a
// regular file.
func TestProgressShownOnlyOnATerminal(t *testing.T) {
	file, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	clk := &fakeClock{}
	for _, tc := range []struct {
		name   string
		stderr io.Writer
		quiet  bool
	}{
		{"buffer", &bytes.Buffer{}, false},
		{"regular file", file, false},
		{"pipe", w, false},
		{"quiet pipe", w, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if p := newProgress(tc.stderr, tc.quiet, clk.now); p != nil {
				t.Errorf("progress on a %s", tc.name)
			}
		})
	}
	// The nil display, which those get, takes every call.
	var p *progress
	p.stage("vectors")(1, 1)
	p.close()
	// A character device, as a terminal is, shows progress unless -q;
	// /dev/null is one on every system that has it.
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer null.Close()
	if fi, err := null.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 && newProgress(null, false, clk.now) == nil {
		t.Errorf("no progress on the character device %s", os.DevNull)
	}
	if newProgress(null, true, clk.now) != nil {
		t.Errorf("-q shows progress on %s", os.DevNull)
	}
}

// TestEvaluateInChunks checks that evaluating the vectors in chunks, for
// progress, gives the results of one EvaluateAll over all of them, and
// reports each chunk's results as done.
func TestEvaluateInChunks(t *testing.T) {
	as, err := selectAdapters("golang-jwt/v5/mapclaims,go-jose/v4/validate")
	if err != nil {
		t.Fatal(err)
	}
	vs, err := selectVectors("exp-boundary/*,nbf-boundary/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) <= vectorChunk {
		t.Fatalf("%d vectors make one chunk; the test needs several", len(vs))
	}
	subjects, err := conformance.Subjects(as)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want, err := conformance.Evaluator{}.EvaluateAll(ctx, subjects, vs)
	if err != nil {
		t.Fatal(err)
	}
	var dones []int
	got, err := evaluate(ctx, conformance.Evaluator{}, subjects, vs, func(done, total int) {
		if total != len(want) {
			t.Errorf("total %d, want %d", total, len(want))
		}
		dones = append(dones, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("chunked results differ from one EvaluateAll")
	}
	perVector := len(subjects) * len(conformance.Modes)
	wantDones := []int{0}
	for n := vectorChunk; n < len(vs); n += vectorChunk {
		wantDones = append(wantDones, n*perVector)
	}
	wantDones = append(wantDones, len(want))
	if !slices.Equal(dones, wantDones) {
		t.Errorf("steps %v, want %v", dones, wantDones)
	}
}
