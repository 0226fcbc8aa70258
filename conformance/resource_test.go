package conformance_test

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
)

// resourcesFlag runs the full resource sweep, 1 KB to 10 MB, with timing.
var resourcesFlag = flag.Bool("jwtconform.resources", false, "measure every adapter on every crafted token shape from 1 KB to 10 MB, with timing, and print the table")

// TestResourceShapes checks every shape builds a token near the size asked.
func TestResourceShapes(t *testing.T) {
	for _, sh := range conformance.ResourceShapes() {
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
	rs := conformance.Meter{Sizes: conformance.QuickResourceSizes, Rounds: 1}.Measure(context.Background(), all.Adapters())
	if want := len(all.Adapters()) * len(conformance.ResourceShapes()); len(rs) != want {
		t.Fatalf("got %d results, want %d", len(rs), want)
	}
	for _, r := range rs {
		t.Run(r.Adapter+"/"+r.Shape, func(t *testing.T) {
			if len(r.Points) != len(conformance.QuickResourceSizes) {
				t.Fatalf("%d points, want %d: %s", len(r.Points), len(conformance.QuickResourceSizes), r.Note)
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
// prints, per adapter and shape, the bytes allocated and the time per
// input byte at each size, the fitted growth and the grade.
func TestResourceSweep(t *testing.T) {
	if !*resourcesFlag {
		t.Skip("run with -jwtconform.resources")
	}
	rs := conformance.Meter{Timing: true}.Measure(context.Background(), all.Adapters())
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 1, ' ', 0)
	fmt.Fprintln(w, "adapter\tshape\talloc/B by size\tns/B by size\talloc/B\tgrowth\tseverity\tnote")
	for _, r := range rs {
		var allocs, times []string
		for _, p := range r.Points {
			allocs = append(allocs, fmt.Sprintf("%.1f", float64(p.AllocBytes)/float64(p.Bytes)))
			times = append(times, fmt.Sprintf("%.1f", float64(p.Nanos)/float64(p.Bytes)))
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%s\t%s\n", r.Adapter, r.Shape,
			strings.Join(allocs, " "), strings.Join(times, " "), r.AllocPerByte, r.Growth, r.Severity, r.Note)
	}
	w.Flush()
	t.Log("\n" + b.String())
}
