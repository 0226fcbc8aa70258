package resource

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
)

// The bounds of the resource grading. A library passes a shape when, at
// every size from GradeFrom up, one verification allocates at most the
// shape's Bound bytes per byte of token (AllocPerByteBound for a
// well-formed token, less for a malformed one: see ResourceShape.Bound),
// and allocation grows with an exponent of at most GrowthBound. Below
// GradeFrom a library's fixed cost (a few kilobytes) dominates. The
// exponent is fitted on the three largest sizes, where fixed costs no
// longer mask it: a linear cost fits between 0.6 (a cost that levels off,
// such as a parser that stops at a depth limit) and 1.0, 1.2 leaves room
// for the noise of map and slice growth, and a quadratic cost (2) cannot
// pass.
const (
	AllocPerByteBound = 64
	GrowthBound       = 1.2
	GradeFrom         = 10 << 10
)

// DefaultResourceSizes is the full sweep, 1 KB to 10 MB by decades.
var DefaultResourceSizes = []int{1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20}

// QuickResourceSizes is a sweep small enough for go test ./....
var QuickResourceSizes = []int{1 << 10, 4 << 10, 16 << 10}

// Meter measures how the cost of verification grows with crafted tokens.
type Meter struct {
	// Sizes are the token sizes in bytes, ascending; nil means
	// DefaultResourceSizes.
	Sizes []int
	// Shapes are the token families; nil means ResourceShapes().
	Shapes []ResourceShape
	// Timing also fills ResourcePoint.Nanos. Time varies between runs, so
	// it is off by default and results stay byte-stable.
	Timing bool
	// Timeout bounds one call; zero means 30 s, long enough for a linear
	// library at 10 MB on a slow machine.
	Timeout time.Duration
	// Rounds is how many times each point is measured, keeping the least;
	// zero means 3.
	Rounds int
}

// MeasureResources measures every adapter on every crafted shape at each
// size, without timing: the result is deterministic enough for
// results.json.
func MeasureResources(ctx context.Context, as []adapters.Adapter, sizes []int) []conformance.ResourceResult {
	return Meter{Sizes: sizes}.Measure(ctx, as)
}

// Measure returns one result per adapter and shape, sorted by adapter and
// then in shape order. Allocation is read from runtime.MemStats with a
// garbage collection on either side, which flushes every per-P cache into
// the counters, so the bytes are exact for the calls measured; calls run
// one at a time, so measure on a quiet process.
func (m Meter) Measure(ctx context.Context, as []adapters.Adapter) []conformance.ResourceResult {
	sizes := m.Sizes
	if sizes == nil {
		sizes = DefaultResourceSizes
	}
	shapes := m.Shapes
	if shapes == nil {
		shapes = ResourceShapes()
	}
	timeout := m.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	as = slices.Clone(as)
	slices.SortFunc(as, func(a, b adapters.Adapter) int { return strings.Compare(a.Name(), b.Name()) })
	var out []conformance.ResourceResult
	for _, a := range as {
		opts := resourceOptions(a)
		for _, sh := range shapes {
			r := conformance.ResourceResult{Adapter: a.Name(), Shape: sh.Name}
			for _, n := range sizes {
				token := sh.Build(n)
				p, o := m.measure(ctx, a, token, opts, timeout)
				if o.Verdict == adapters.Panic || o.Verdict == adapters.Timeout {
					r.Note = fmt.Sprintf("%s at %d bytes: %s", o.Verdict, len(token), o.Error)
					r.Severity = conformance.Security
					break
				}
				r.Points = append(r.Points, p)
			}
			grade(&r, sh.Bound)
			out = append(out, r)
		}
	}
	return out
}

// resourceOptions is what each measurement asks: the clock the vectors
// use, an explicit leeway of zero where the adapter can express one. The
// shapes are crafted byte by byte around an HMAC signing input (see
// ResourceShapes), so they carry the HS256 key whatever the adapter's
// SigningAlg: the cost measured is that of reading the token, which comes
// before and apart from any check of its algorithm.
func resourceOptions(a adapters.Adapter) adapters.Options {
	c := oracle.Query{Now: time.Unix(1700000000, 0).UTC(), SetLeeway: a.Supports(adapters.FeatureLeeway)}
	key, err := conformance.KeyFor(adapters.DefaultAlgorithm)
	if err != nil {
		panic(err) // the harness always has its HMAC key
	}
	return conformance.OptionsFor(c, key)
}

// runsFor is how many calls one point averages over: enough to smooth a
// small token, one for the largest.
func runsFor(n int) int {
	return max(1, min(16, (1<<20)/max(1, n)))
}

// defaultRounds is how many times each point is measured; the least is
// kept. Anything else the process allocates meanwhile only adds, so the
// least is the closest to the library's own cost.
const defaultRounds = 3

// measure verifies token once through the harness, to find a panic or a
// hang, then takes the least, over rounds, of the bytes allocated (and,
// when timing, the time) per call over runsFor(len) calls. The measured
// calls go to the adapter directly: the harness's channels and timer
// would add runtime allocations (sudogs, whose caches each collection
// empties) that vary from round to round, and the first call has shown
// that the token neither panics nor hangs. Each round runs with the
// collector off, after two warm-up calls and a collection: the collection
// flushes every per-P cache into the counters, so the bytes are exact, and
// with no collection during the calls the libraries' sync.Pools are never
// emptied under them. Bytes are kept to three significant digits. They
// still vary by a few bytes in a thousand between processes: Go's map
// hashing is seeded at random, and where a map's tables split, and so
// what it allocates, follows the seed; the grades, far from their bounds,
// do not move.
func (m Meter) measure(ctx context.Context, a adapters.Adapter, token string, opts adapters.Options, timeout time.Duration) (conformance.ResourcePoint, adapters.Outcome) {
	p := conformance.ResourcePoint{Bytes: len(token)}
	o := harness.Call(ctx, a, token, opts, timeout)
	if o.Verdict == adapters.Panic || o.Verdict == adapters.Timeout {
		return p, o
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runs := runsFor(len(token))
	p.AllocBytes, p.Nanos = math.MaxInt64, math.MaxInt64
	rounds := m.Rounds
	if rounds <= 0 {
		rounds = defaultRounds
	}
	for range rounds {
		var before, after runtime.MemStats
		runtime.GC()
		a.Verify(ctx, token, opts)
		a.Verify(ctx, token, opts)
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		for range runs {
			a.Verify(ctx, token, opts)
		}
		elapsed := time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		p.AllocBytes = min(p.AllocBytes, int64(after.TotalAlloc-before.TotalAlloc)/int64(runs))
		p.Nanos = min(p.Nanos, elapsed.Nanoseconds()/int64(runs))
	}
	runtime.GC()
	p.AllocBytes = significant3(p.AllocBytes)
	if !m.Timing {
		p.Nanos = 0
	}
	return p, o
}

// significant3 rounds n to three significant digits.
func significant3(n int64) int64 {
	scale := int64(1)
	for n/scale >= 1000 {
		scale *= 10
	}
	return (n + scale/2) / scale * scale
}

// grade fills the per-byte figure, the growth exponent, the severity and
// the note of r from its points, against bound bytes per byte.
func grade(r *conformance.ResourceResult, bound float64) {
	if len(r.Points) == 0 {
		return
	}
	last := r.Points[len(r.Points)-1]
	r.AllocPerByte = round2(float64(last.AllocBytes) / float64(last.Bytes))
	r.Growth = round2(growth(r.Points))
	if r.Severity != "" {
		return
	}
	peak, at := 0.0, 0
	for _, p := range r.Points {
		// A shape's token is within 10% of the size asked for.
		if per := float64(p.AllocBytes) / float64(p.Bytes); p.Bytes >= GradeFrom*9/10 && per > peak {
			peak, at = per, p.Bytes
		}
	}
	switch {
	case peak > bound:
		r.Severity = conformance.Security
		r.Note = fmt.Sprintf("allocates %.2f bytes per input byte at %d bytes, past the bound of %g", peak, at, bound)
	case r.Growth > GrowthBound:
		r.Severity = conformance.Security
		r.Note = fmt.Sprintf("allocation grows as size^%.2f, faster than the bound of size^%g", r.Growth, GrowthBound)
	default:
		r.Note = fmt.Sprintf("within bounds: at most %.2f bytes per input byte from %d bytes up (bound %g), growth %.2f (bound %g)", peak, GradeFrom, bound, r.Growth, GrowthBound)
	}
}

// growth is the least-squares slope of log(allocation) against log(size)
// over the three largest points: 1 is linear, 0 a fixed cost, 2
// quadratic. Fewer than two points give 0.
func growth(ps []conformance.ResourcePoint) float64 {
	ps = ps[max(0, len(ps)-3):]
	if len(ps) < 2 {
		return 0
	}
	var sx, sy, sxx, sxy float64
	for _, p := range ps {
		x := math.Log(float64(p.Bytes))
		y := math.Log(float64(max(1, p.AllocBytes)))
		sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
	}
	n := float64(len(ps))
	den := n*sxx - sx*sx
	if den == 0 {
		return 0
	}
	return (n*sxy - sx*sy) / den
}

// round2 rounds to two decimals, so that figures print stably.
func round2(f float64) float64 { return math.Round(f*100) / 100 }
