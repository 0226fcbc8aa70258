package conformance

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// Run runs the whole suite against adapter a under profile p, as a test: a
// subtest per vector and mode ("<vector id>/<mode>"), each failing when the
// outcome is one the profile does not explain or differs from the recorded
// outcome; then the must-hold checks, which no profile can waive; then
// every rapid property ("properties/<name>", see Properties), each failing
// when its result is unexplained or differs from the one recorded; then the
// checks on the profile itself (every deviation explains something; no
// recorded outcome is stale). -jwtconform.properties=false skips the
// properties. A library's own tests can call it with a
// custom adapter:
//
//	func TestConformance(t *testing.T) {
//		p, _ := conformance.LoadProfile(os.DirFS("."), "testdata/profile.json")
//		conformance.Run(t, myAdapter{}, p)
//	}
//
// With -jwtconform.update the recorded outcomes and property results are
// rewritten into p.Path. The minters issue the tokens of the issuance
// properties (adapters/all's Minters for the built-ins); with none, those
// properties are unsupported.
func Run(t *testing.T, a adapters.Adapter, p Profile, minters ...adapters.Minter) {
	t.Helper()
	if p.Adapter != a.Name() {
		t.Fatalf("profile %s is for adapter %q, not %q", p.Path, p.Adapter, a.Name())
	}
	if _, err := p.semantics(); err != nil {
		t.Fatalf("profile %s: %v", p.Path, err)
	}
	vs := vectors.All()
	mod := a.Module()
	if p.Module != "" && p.Module != mod.String() {
		t.Logf("outcomes were recorded with %s; running %s", p.Module, mod)
	}
	e := Evaluator{Timeout: callTimeout()}
	var (
		mu  sync.Mutex
		got = map[string]string{}
	)
	t.Run("vectors", func(t *testing.T) {
		for _, v := range vs {
			for _, m := range Modes {
				t.Run(v.ID+"/"+string(m), func(t *testing.T) {
					if !*updateFlag {
						t.Parallel()
					}
					r, err := e.Evaluate(context.Background(), a, p, v, m)
					if err != nil {
						t.Fatal(err)
					}
					mu.Lock()
					got[r.Key()] = r.Outcome.String()
					mu.Unlock()
					if !r.Explained {
						t.Errorf("%s\nunexplained outcome: the profile predicts %s, the library gave %s\nprofile reasons: %s",
							describe(r, mod, v), r.Profile.Verdict, r.Outcome, strings.Join(r.Profile.Reasons, "; "))
					}
					if *updateFlag || p.Outcomes == nil {
						return
					}
					if want, ok := p.Outcomes[r.Key()]; !ok {
						t.Errorf("%s\nno recorded outcome; run with -jwtconform.update to record %s", describe(r, mod, v), r.Outcome)
					} else if want != r.Outcome.String() {
						t.Errorf("%s\noutcome mismatch (-want +got):\n-\t%s\n+\t%s", describe(r, mod, v), want, r.Outcome)
					}
				})
			}
		}
	})
	t.Run("must-hold", func(t *testing.T) { checkMustHold(t, a) })
	var props map[string]string
	if *propertiesFlag {
		props = runProperties(t, a, p, minters)
	}
	t.Run("profile", func(t *testing.T) {
		checkDeviationsUsed(t, p, vs)
		if *updateFlag {
			p.Outcomes = got
			switch {
			case props != nil && recordedConfig():
				p.Properties = props
			case props != nil:
				t.Logf("property results kept as recorded: this run's seed or -rapid.checks differs from the recorded configuration")
			}
			p.Module = mod.String()
			if err := p.WriteFile(); err != nil {
				t.Fatal(err)
			}
			t.Logf("rewrote %d outcomes in %s", len(got), p.Path)
			return
		}
		if p.Outcomes == nil {
			return
		}
		for _, k := range slices.Sorted(maps.Keys(p.Outcomes)) {
			if _, ok := got[k]; !ok {
				t.Errorf("stale recorded outcome %q: no such vector and mode any more; run with -jwtconform.update", k)
			}
		}
	})
}

// describe names everything needed to reproduce a result.
func describe(r Result, mod adapters.Module, v vectors.Vector) string {
	lw := "library default"
	if r.Query.SetLeeway {
		lw = r.Query.Leeway.String()
	}
	return fmt.Sprintf("vector %s (%s) [%s] adapter %s, %s\npayload: %s\nnow: %s  leeway: %s  require: %v\ntoken: %s\nlibrary error: %q\nRFC: %s (%s)",
		v.ID, v.Comment, r.Mode, r.Adapter, mod, v.Payload, v.NowText, lw, r.Query.Require, r.Token, r.Outcome.Error,
		r.RFC.Verdict, strings.Join(r.RFC.Reasons, "; "))
}

// checkDeviationsUsed fails for every deviation of p whose removal would
// change no prediction on any vector: a deviation must explain something.
func checkDeviationsUsed(t *testing.T, p Profile, vs []vectors.Vector) {
	t.Helper()
	full, err := p.semantics()
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range p.Deviations {
		without := p
		without.Deviations = slices.Delete(slices.Clone(p.Deviations), i, i+1)
		s, err := without.semantics()
		if err != nil {
			t.Fatal(err)
		}
		if !explainsSomething(full, s, vs) {
			t.Errorf("deviation %q of %s explains no vector: remove it from %s, or add the vector that shows it", d.ID, p.Adapter, p.Path)
		}
	}
}

func explainsSomething(with, without oracle.Model, vs []vectors.Vector) bool {
	for _, v := range vs {
		for _, m := range Modes {
			c := QueryFor(v, m)
			if with.Judge(v.Payload, c).Verdict != without.Judge(v.Payload, c).Verdict {
				return true
			}
		}
	}
	return false
}
