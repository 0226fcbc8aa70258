package conformance

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/jwtconform/jwtconform/adapters"
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

// EvaluateAll runs every vector through every subject in both modes, with
// up to GOMAXPROCS calls at once, and returns the results sorted by
// adapter, vector and mode.
func (e Evaluator) EvaluateAll(ctx context.Context, subjects []Subject, vs []vectors.Vector) ([]Result, error) {
	type job struct {
		s Subject
		v vectors.Vector
		m Mode
	}
	jobs := make(chan job)
	var (
		mu       sync.Mutex
		results  []Result
		firstErr error
		wg       sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r, err := e.Evaluate(ctx, j.s.Adapter, j.s.Profile, j.v, j.m)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("%s: %s: %w", j.s.Adapter.Name(), j.v.ID, err)
				}
				results = append(results, r)
				mu.Unlock()
			}
		}()
	}
	for _, s := range subjects {
		for _, v := range vs {
			for _, m := range Modes {
				jobs <- job{s, v, m}
			}
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
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
