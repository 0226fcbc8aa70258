package resource_test

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/resource"
)

// resourcesFlag runs the full resource sweep, 1 KB to 10 MB, with timing.
var resourcesFlag = flag.Bool("jwtconform.resources", false, "measure every adapter on every crafted token shape from 1 KB to 10 MB, with timing, and print the table")

// TestResourceShapes checks every shape builds a token near the size asked.
func TestResourceShapes(t *testing.T) {
	for _, sh := range resource.ResourceShapes() {
		for _, n := range []int{1 << 10, 100 << 10} {
			t.Run(fmt.Sprintf("%s/%d", sh.Name, n), func(t *testing.T) {
				got := len(sh.Build(n))
				if got < n*9/10 || got > n*11/10 {
					t.Errorf("%s.Build(%d) gave %d bytes, want within 10%%", sh.Name, n, got)
				}
			})
		}
	}
}

// TestMeasureResources runs the quick sweep on every adapter: every
// result has its points, and no library panics, hangs or breaks the bound
// on these small sizes.
func TestMeasureResources(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocation with forced garbage collections")
	}
	rs := resource.Meter{Sizes: resource.QuickResourceSizes, Rounds: 1}.Measure(context.Background(), all.Adapters())
	if want := len(all.Adapters()) * len(resource.ResourceShapes()); len(rs) != want {
		t.Fatalf("got %d results, want %d", len(rs), want)
	}
	for _, r := range rs {
		t.Run(r.Adapter+"/"+r.Shape, func(t *testing.T) {
			if len(r.Points) != len(resource.QuickResourceSizes) {
				t.Fatalf("%d points, want %d: %s", len(r.Points), len(resource.QuickResourceSizes), r.Note)
			}
			for _, p := range r.Points {
				if p.Nanos != 0 {
					t.Errorf("Nanos = %d without timing; time must stay out of results.json", p.Nanos)
				}
				if p.AllocBytes <= 0 {
					t.Errorf("a verification of %d bytes allocated %d bytes", p.Bytes, p.AllocBytes)
				}
			}
		})
	}
}

// TestResourceSweep is the full sweep behind -jwtconform.resources: it
// prints, as a Markdown table for BENCHMARKS.md, per adapter and shape, the
// bytes allocated and the time per input byte at each size, the fitted
// growth and the grade.
func TestResourceSweep(t *testing.T) {
	if !*resourcesFlag {
		t.Skip("run with -jwtconform.resources")
	}
	m := resource.Meter{Timing: true}
	rs := m.Measure(context.Background(), all.Adapters())
	var b strings.Builder
	var sizes []string
	for _, n := range resource.DefaultResourceSizes {
		sizes = append(sizes, humanBytes(n))
	}
	fmt.Fprintf(&b, "| adapter | shape | alloc B/B at %s | ns/B at %s | growth | grade |\n", strings.Join(sizes, ", "), strings.Join(sizes, ", "))
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, r := range rs {
		var allocs, times []string
		for _, p := range r.Points {
			allocs = append(allocs, figure(float64(p.AllocBytes)/float64(p.Bytes)))
			times = append(times, figure(float64(p.Nanos)/float64(p.Bytes)))
		}
		grade := "ok"
		if r.Severity != "" {
			grade = string(r.Severity) + ": " + r.Note
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %.2f | %s |\n", r.Adapter, r.Shape,
			strings.Join(allocs, " / "), strings.Join(times, " / "), r.Growth, grade)
	}
	t.Log("\n" + b.String())
}

// humanBytes renders a size as 1K, 10K, 1M ...
func humanBytes(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dM", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dK", n>>10)
	}
	return fmt.Sprint(n)
}

// figure renders a per-byte figure to two significant digits, without an
// exponent.
func figure(f float64) string {
	if f >= 10 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strconv.FormatFloat(f, 'g', 2, 64)
}
