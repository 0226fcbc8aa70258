package conformance

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// The timeline token and sweep. Every adapter verifies the same claims set
// {"exp": T+60, "nbf": T} at clock values from T-90 s to T+150 s: a grid of
// whole seconds, then a bisection between every two neighbouring values
// whose outcomes differ, down to the adapter's clock resolution (one
// nanosecond, or one second for an adapter without a sub-second clock).
// The clock values are injected: nothing here reads the wall clock.
const (
	// TimelineNbf is T, the token's nbf, in seconds since the epoch.
	TimelineNbf = 1700000000
	// TimelineLifetime is exp - nbf.
	TimelineLifetime = 60 * time.Second
	// TimelineBefore and TimelineAfter are how far the sweep reaches before
	// T and after T, wide enough for a default leeway of a minute on
	// either side to show with room to spare.
	TimelineBefore = 90 * time.Second
	TimelineAfter  = 150 * time.Second
	// TimelineStep is the grid of the coarse sweep. A behaviour that
	// changes and changes back between two grid values is missed; every
	// change the grid sees is located exactly by bisection.
	TimelineStep = time.Second
)

// TimelinePayload is the claims set every timeline verifies.
var TimelinePayload = fmt.Sprintf(`{"exp":%d,"nbf":%d}`, TimelineNbf+int64(TimelineLifetime/time.Second), TimelineNbf)

// TimelineSetting is one way the timeline token is verified.
type TimelineSetting struct {
	// Name is the setting's stable name: "leeway-0s", "leeway-5s" or
	// "defaults".
	Name string
	// Mode is Explicit (Leeway goes through the library's option) or
	// Defaults (the clock alone).
	Mode Mode
	// Leeway is the explicit leeway; unused in the defaults mode.
	Leeway time.Duration
}

// TimelineSettings lists the settings in report order: no leeway, a small
// one, and what the library does out of the box.
var TimelineSettings = []TimelineSetting{
	{Name: "leeway-0s", Mode: Explicit, Leeway: 0},
	{Name: "leeway-5s", Mode: Explicit, Leeway: 5 * time.Second},
	{Name: "defaults", Mode: Defaults},
}

// Interval is a span of clock values, in decimal seconds, with each end
// inclusive or exclusive. Of the two adjacent clock values that straddle a
// boundary (one accepted, one not, a resolution apart) it names the one
// written with fewer digits, so that "to 1700000060, exclusive" reads as
// "rejected from exp on" rather than as its twin "to 1700000059.999999999,
// inclusive".
type Interval struct {
	// From is the lower end; empty when the first clock value of the sweep
	// is already inside, so that the end lies at or before it.
	From string `json:"from,omitempty"`
	// FromInclusive says whether From itself is inside.
	FromInclusive bool `json:"fromInclusive"`
	// To is the upper end; empty when the last clock value of the sweep is
	// still inside.
	To string `json:"to,omitempty"`
	// ToInclusive says whether To itself is inside.
	ToInclusive bool `json:"toInclusive"`
}

// TimelinePoint is one measured clock value.
type TimelinePoint struct {
	// Now is the clock as decimal seconds.
	Now string `json:"now"`
	// Outcome is what the library did, as records write it: "accept",
	// "reject/expired" ...
	Outcome string `json:"outcome"`
}

// Timeline is the set of clock values at which one adapter accepts the
// timeline token in one setting, measured by the harness.
type Timeline struct {
	// Adapter is the adapter's name.
	Adapter string `json:"adapter"`
	// Setting is the TimelineSetting's name.
	Setting string `json:"setting"`
	// Mode is the mode the setting runs in.
	Mode Mode `json:"mode"`
	// Leeway is the explicit leeway as a Go duration; empty in the
	// defaults mode.
	Leeway string `json:"leeway,omitempty"`
	// Payload is the claims set verified, TimelinePayload.
	Payload string `json:"payload"`
	// Nbf and Exp are the token's claims as decimal seconds.
	Nbf string `json:"nbf"`
	Exp string `json:"exp"`
	// From and To are the first and last clock values of the sweep.
	From string `json:"from"`
	To   string `json:"to"`
	// Resolution is the smallest step the bisection took: "1ns", or "1s"
	// for an adapter without a sub-second clock.
	Resolution string `json:"resolution"`
	// Unsupported says why the adapter cannot express the setting, or why
	// the harness cannot sign for it; the sweep is then not run and
	// Accepted and Points are empty.
	Unsupported string `json:"unsupported,omitempty"`
	// Accepted are the spans of clock values the library accepts, in
	// order; empty when it accepts none.
	Accepted []Interval `json:"accepted"`
	// RFC are the spans RFC 7519 accepts in the same setting (the defaults
	// mode judged with leeway 0), found by the oracle at the same clock
	// values.
	RFC []Interval `json:"rfc"`
	// Explained is false when the adapter's profile predicts another
	// outcome at some measured clock value.
	Explained bool `json:"explained"`
	// Points are every clock value measured, in order, with the outcome.
	Points []TimelinePoint `json:"points"`
}

// MeasureTimelines sweeps the timeline token through every subject in
// every TimelineSetting, as one Batch on GOMAXPROCS goroutines, and
// returns the timelines sorted by adapter and setting. A setting the
// adapter cannot express is returned as unsupported, without a sweep.
func MeasureTimelines(ctx context.Context, subjects []Subject, timeout time.Duration) ([]Timeline, error) {
	type job struct {
		s     Subject
		set   TimelineSetting
		token string
		key   adapters.Key
		err   error
	}
	payload := []byte(TimelinePayload)
	var jobs []job
	for _, s := range subjects {
		token, key, err := Sign(s.Adapter, payload)
		for _, set := range TimelineSettings {
			jobs = append(jobs, job{s, set, token, key, err})
		}
	}
	out := make([]Timeline, len(jobs))
	errs := make([]error, len(jobs))
	harness.Batch(len(jobs), runtime.GOMAXPROCS(0), timeout, func(c *harness.Caller, i int) {
		j := jobs[i]
		call := func(opts adapters.Options) adapters.Outcome {
			opts.Key = j.key
			return c.Call(ctx, j.s.Adapter, j.token, opts)
		}
		// A Predictor caches its parses, so each item has its own. Each
		// item writes only its own slot, and only after its last call.
		out[i], errs[i] = sweep(j.s, j.set, NewPredictor(payload), j.err, call)
	})
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("timeline: %s: %s: %w", jobs[i].s.Adapter.Name(), jobs[i].set.Name, err)
		}
	}
	SortTimelines(out)
	return out, nil
}

// SortTimelines orders timelines by adapter and by the order of
// TimelineSettings.
func SortTimelines(ts []Timeline) {
	slices.SortStableFunc(ts, func(a, b Timeline) int {
		return cmp.Or(strings.Compare(a.Adapter, b.Adapter), cmp.Compare(settingIndex(a.Setting), settingIndex(b.Setting)))
	})
}

func settingIndex(name string) int {
	for i, s := range TimelineSettings {
		if s.Name == name {
			return i
		}
	}
	return len(TimelineSettings)
}

// timelineQuery is what the setting asks at clock now.
func timelineQuery(set TimelineSetting, now time.Time) oracle.Query {
	if set.Mode == Defaults {
		return oracle.Query{Now: now}
	}
	return oracle.Query{Now: now, Leeway: set.Leeway, SetLeeway: true}
}

// timelineMeasure is one clock value, what happened there, and whether
// it is inside the set being measured (accepted).
type timelineMeasure struct {
	at      time.Time
	outcome adapters.Outcome
	in      bool
}

// sweep measures one timeline. Its calls depend only on the outcomes of the
// calls before them, as Batch requires of an item. signErr is why the
// harness could not sign for the adapter, if it could not: the timeline is
// then unsupported, as a vector would be.
func sweep(s Subject, set TimelineSetting, pred *Predictor, signErr error, call func(adapters.Options) adapters.Outcome) (Timeline, error) {
	t := time.Unix(TimelineNbf, 0).UTC()
	from, to := t.Add(-TimelineBefore), t.Add(TimelineAfter)
	tl := Timeline{
		Adapter: s.Adapter.Name(), Setting: set.Name, Mode: set.Mode,
		Payload: TimelinePayload,
		Nbf:     vectors.FormatTime(t), Exp: vectors.FormatTime(t.Add(TimelineLifetime)),
		From: vectors.FormatTime(from), To: vectors.FormatTime(to),
		Accepted: []Interval{}, Points: []TimelinePoint{}, Explained: true,
	}
	if set.Mode == Explicit {
		tl.Leeway = set.Leeway.String()
	}
	opts := func(now time.Time) adapters.Options { return OptionsFor(timelineQuery(set, now), adapters.Key{}) }
	tl.RFC = rfcTimeline(set)
	if f, lacks := adapters.Lacks(s.Adapter, opts(t)); lacks || signErr != nil {
		tl.Resolution = TimelineStep.String()
		if lacks {
			tl.Unsupported = adapters.NotSupported(f).Error
		} else {
			tl.Unsupported = noSigningAlg(signErr).Error
		}
		return tl, nil
	}
	// A clock the library cannot take at sub-second precision would make
	// every bisection step unsupported: such an adapter is swept in whole
	// seconds, and its bounds are exact only to the second.
	res := time.Nanosecond
	if _, lacks := adapters.Lacks(s.Adapter, opts(t.Add(time.Nanosecond))); lacks {
		res = time.Second
	}
	tl.Resolution = res.String()

	seen := map[time.Time]timelineMeasure{}
	var ferr error
	probe(from, to, res, func(at time.Time) string {
		q := timelineQuery(set, at)
		o := call(opts(at))
		prof, err := pred.Predict(s.Profile, q)
		if err != nil && ferr == nil {
			ferr = err
		}
		if !Explains(prof, o) {
			tl.Explained = false
		}
		seen[at] = timelineMeasure{at: at, outcome: o, in: o.Verdict == adapters.Accept}
		// A change of the library's outcome or of the profile's prediction
		// is a boundary worth locating.
		return o.String() + "|" + string(prof.Verdict)
	})
	if ferr != nil {
		return Timeline{}, ferr
	}
	ms := make([]timelineMeasure, 0, len(seen))
	for _, m := range seen {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b timelineMeasure) int { return a.at.Compare(b.at) })
	for _, m := range ms {
		tl.Points = append(tl.Points, TimelinePoint{Now: vectors.FormatTime(m.at), Outcome: m.outcome.String()})
	}
	tl.Accepted = intervals(ms)
	return tl, nil
}

// rfcTimeline is the spans RFC 7519 accepts in set, found by the oracle
// with the same sweep at nanosecond resolution, whatever the adapter's.
func rfcTimeline(set TimelineSetting) []Interval {
	t := time.Unix(TimelineNbf, 0).UTC()
	var ms []timelineMeasure
	probe(t.Add(-TimelineBefore), t.Add(TimelineAfter), time.Nanosecond, func(at time.Time) string {
		v := oracle.Judge([]byte(TimelinePayload), timelineQuery(set, at).RFC()).Verdict
		ms = append(ms, timelineMeasure{at: at, in: v == oracle.Accept})
		return string(v)
	})
	slices.SortFunc(ms, func(a, b timelineMeasure) int { return a.at.Compare(b.at) })
	return intervals(ms)
}

// probe calls key at every TimelineStep from from to to, and between two
// neighbouring clock values whose keys differ it bisects down to res,
// calling key once per clock value. Which values it calls depends only on
// the keys returned before, so a sweep is deterministic.
func probe(from, to time.Time, res time.Duration, key func(time.Time) string) {
	seen := map[time.Time]string{}
	measure := func(at time.Time) string {
		k, ok := seen[at]
		if !ok {
			k = key(at)
			seen[at] = k
		}
		return k
	}
	var bisect func(lo, hi time.Time)
	bisect = func(lo, hi time.Time) {
		d := hi.Sub(lo)
		if d <= res || measure(lo) == measure(hi) {
			return
		}
		// Grid values are whole seconds and res divides a second, so mid
		// lies strictly between lo and hi on the resolution's grid.
		mid := lo.Add((d / 2).Truncate(res))
		measure(mid)
		bisect(lo, mid)
		bisect(mid, hi)
	}
	prev := from
	for at := from; !at.After(to); at = at.Add(TimelineStep) {
		measure(at)
		if at.After(from) {
			bisect(prev, at)
		}
		prev = at
	}
}

// intervals turns sorted measurements into the runs of those inside.
func intervals(ms []timelineMeasure) []Interval {
	in := func(m timelineMeasure) bool { return m.in }
	out := []Interval{}
	for i := 0; i < len(ms); i++ {
		if !in(ms[i]) {
			continue
		}
		j := i
		for j+1 < len(ms) && in(ms[j+1]) {
			j++
		}
		var iv Interval
		if i > 0 {
			iv.From, iv.FromInclusive = bound(ms[i].at, ms[i-1].at)
		}
		if j+1 < len(ms) {
			iv.To, iv.ToInclusive = bound(ms[j].at, ms[j+1].at)
		}
		out = append(out, iv)
		i = j
	}
	return out
}

// bound names the end between inside (a clock value in the span) and
// outside (its neighbour, outside it): the rounder of the two as decimal
// seconds (fewer digits, then more trailing zeros), inclusive when it is
// inside. A tie goes to the value inside.
func bound(inside, outside time.Time) (string, bool) {
	a, b := vectors.FormatTime(inside), vectors.FormatTime(outside)
	if roundness(b) < roundness(a) {
		return b, false
	}
	return a, true
}

// roundness orders decimals by how round they read: lower is rounder.
func roundness(s string) int {
	trailing := len(s) - len(strings.TrimRight(s, "0"))
	return len(s)*32 - trailing
}
