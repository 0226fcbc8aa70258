package conformance

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/vectors"
)

// RecordedProperties returns the property results each subject's record
// holds, as go test last checked them with rapid, sorted as
// SortPropertyResults sorts. A command links no rapid (nor testing), so it
// reports these rather than check the laws again; it does run the library
// on every recorded counterexample, and the detail says what the library
// does with it now, and when the record was made with another version of
// the library than the one linked (the record is stale until go test
// -jwtconform.update rewrites it). A subject with no record has no
// property results.
func RecordedProperties(ctx context.Context, subjects []Subject, timeout time.Duration) []PropertyResult {
	type job struct {
		s   Subject
		key string
	}
	var jobs []job
	for _, s := range subjects {
		if s.Profile.Record == nil {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(s.Profile.Record.Properties)) {
			jobs = append(jobs, job{s, k})
		}
	}
	out := make([]PropertyResult, len(jobs))
	harness.Batch(len(jobs), runtime.GOMAXPROCS(0), timeout, func(c *harness.Caller, i int) {
		j := jobs[i]
		out[i] = recordedProperty(ctx, c, j.s, j.key)
	})
	SortPropertyResults(out)
	return out
}

// recordedProperty is the result the record of s keeps under key, with its
// counterexample replayed through c.
func recordedProperty(ctx context.Context, c *harness.Caller, s Subject, key string) PropertyResult {
	rec := s.Profile.Record
	p := rec.Properties[key]
	name, m := ParsePropertyKey(key)
	r := PropertyResult{Adapter: s.Adapter.Name(), Property: name, Mode: m, Clause: p.Clause,
		Status: p.Status, Severity: p.Severity, Explained: !p.Unexplained}
	cx := p.Counterexample
	if cx == nil {
		return r
	}
	rerun := fmt.Sprintf("; go test ./conformance -run 'TestProperties/%s/properties/%s/%s' checks the law again", s.Adapter.Name(), name, m)
	r.Counterexample = &Counterexample{Payload: cx.Payload, Now: cx.Now, Leeway: cx.Leeway, MaxAge: cx.MaxAge,
		Detail: replay(ctx, c, s, cx) + staleness(rec, s.Adapter.Module()) + rerun}
	return r
}

// replay verifies the counterexample's token with the library and says
// what it did, beside what the RFC and the profile say of the same point.
func replay(ctx context.Context, c *harness.Caller, s Subject, cx *RecordedCounterexample) string {
	now, err := vectors.ParseTime(cx.Now)
	if err != nil {
		return fmt.Sprintf("recorded by go test; not replayed: now %q: %v", cx.Now, err)
	}
	v := vectors.Vector{Payload: []byte(cx.Payload), Now: now}
	m := Defaults
	if cx.Leeway != "" {
		lw, err := time.ParseDuration(cx.Leeway)
		if err != nil {
			return fmt.Sprintf("recorded by go test; not replayed: leeway %q: %v", cx.Leeway, err)
		}
		v.Leeway, m = lw, Explicit
	}
	if cx.MaxAge != "" {
		d, err := time.ParseDuration(cx.MaxAge)
		if err != nil {
			return fmt.Sprintf("recorded by go test; not replayed: maxAge %q: %v", cx.MaxAge, err)
		}
		v.MaxAge, m = d, Explicit
	}
	r, err := Evaluator{}.evaluate(ctx, s.Adapter, s.Profile, v, m, func(token string, opts adapters.Options) adapters.Outcome {
		return c.Call(ctx, s.Adapter, token, opts)
	})
	if err != nil {
		return fmt.Sprintf("recorded by go test; not replayed: %v", err)
	}
	causes := ""
	if len(r.RootCauses) > 0 {
		causes = " (root cause: " + strings.Join(r.RootCauses, " + ") + ")"
	}
	return fmt.Sprintf("recorded by go test; this point replayed: the library gives %s, the RFC %s, the profile predicts %s%s",
		r.Outcome, r.RFC.Verdict, r.Profile.Verdict, causes)
}

// staleness says when the record was made with another module version
// than the one linked.
func staleness(rec *Record, mod adapters.Module) string {
	if rec.Module == "" || rec.Module == mod.String() {
		return ""
	}
	return fmt.Sprintf("; the record was made with %s, not the linked %s: run go test ./conformance -jwtconform.update", rec.Module, mod)
}
