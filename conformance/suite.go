package conformance

import (
	"context"
	"fmt"
	"runtime"
	"sort"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/vectors"
)

// Subject is an adapter with the profile it is judged by.
type Subject struct {
	// Adapter is the library shim.
	Adapter adapters.Adapter
	// Profile is its declared behaviour.
	Profile Profile
}

// Subjects pairs each adapter with its built-in profile; an adapter with no
// built-in profile is judged by the pure oracle.
func Subjects(as []adapters.Adapter) ([]Subject, error) {
	out := make([]Subject, 0, len(as))
	for _, a := range as {
		p, err := BuiltinProfile(a.Name())
		if err != nil {
			p = Profile{Schema: ProfileSchema, Adapter: a.Name()}
		}
		out = append(out, Subject{Adapter: a, Profile: p})
	}
	return out, nil
}

// EvaluateAll runs every vector through every subject in both modes, as
// one Batch on GOMAXPROCS goroutines, and returns the results sorted by
// adapter, vector and mode.
func (e Evaluator) EvaluateAll(ctx context.Context, subjects []Subject, vs []vectors.Vector) ([]Result, error) {
	type job struct {
		s Subject
		v vectors.Vector
		m Mode
	}
	var jobs []job
	for _, s := range subjects {
		for _, v := range vs {
			for _, m := range Modes {
				jobs = append(jobs, job{s, v, m})
			}
		}
	}
	results := make([]Result, len(jobs))
	errs := make([]error, len(jobs))
	harness.Batch(len(jobs), runtime.GOMAXPROCS(0), e.Timeout, func(c *harness.Caller, i int) {
		j := jobs[i]
		// Each item writes only its own slot, and only after its call.
		results[i], errs[i] = e.evaluate(ctx, j.s.Adapter, j.s.Profile, j.v, j.m, func(token string, opts adapters.Options) adapters.Outcome {
			return c.Call(ctx, j.s.Adapter, token, opts)
		})
	})
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", jobs[i].s.Adapter.Name(), jobs[i].v.ID, err)
		}
	}
	SortResults(results)
	return results, nil
}

// SortResults orders results by adapter, vector and mode (explicit first).
func SortResults(rs []Result) {
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Adapter != b.Adapter {
			return a.Adapter < b.Adapter
		}
		if a.Vector != b.Vector {
			return a.Vector < b.Vector
		}
		return modeIndex(a.Mode) < modeIndex(b.Mode)
	})
}

func modeIndex(m Mode) int {
	for i, x := range Modes {
		if x == m {
			return i
		}
	}
	return len(Modes)
}
