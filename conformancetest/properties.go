package conformancetest

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/properties"
)

// RunProperties runs the property stage of Run alone: a subtest per
// property ("properties/<name>"), failing when the result is unexplained or
// differs from the one p.Record holds. It never rewrites a record.
func RunProperties(t *testing.T, a adapters.Adapter, p conformance.Profile, opts ...Option) {
	t.Helper()
	cfg := apply(t, &p, opts)
	cfg.update = false
	var fails failures
	runProperties(t, a, p, cfg, &fails)
	fails.report(t, a, cfg.details)
}

// runProperties is Run's property stage: a subtest per property, adding to
// fails a result that is unexplained or, unless updating, differs from the
// one p.Record holds. It returns the records of the properties that ran,
// for -jwtconform.update.
func runProperties(t *testing.T, a adapters.Adapter, p conformance.Profile, cfg runConfig, fails *failures) map[string]conformance.PropertyRecord {
	t.Helper()
	var (
		mu  sync.Mutex
		got = map[string]conformance.PropertyRecord{}
	)
	rec := p.Record
	s := conformance.Subject{Adapter: a, Profile: p}
	t.Run("properties", func(t *testing.T) {
		for _, prop := range properties.Properties() {
			t.Run(prop.Name, func(t *testing.T) {
				for _, m := range conformance.Modes {
					t.Run(string(m), func(t *testing.T) {
						if !cfg.update {
							t.Parallel() // rapid runs one at a time; this keeps them off the vectors' path
						}
						key := conformance.PropertyKey(prop.Name, m)
						o := properties.PropertyOptions{Timeout: cfg.timeout, FailDir: cfg.failDir, Mode: m, Minters: cfg.minters}
						if rec != nil && recordedConfig() {
							// The recorded case first: no search or shrinking while it still fails.
							o.Replay = rec.Properties[key].Replay()
						}
						r := properties.CheckProperty(context.Background(), prop, s, o)
						mu.Lock()
						got[key] = r.Record()
						mu.Unlock()
						f := failure{key: "2 " + key, unexplained: !r.Explained, causes: causesOf(nil, r.Explained)}
						var what []string
						if !r.Explained {
							what = append(what, "unexplained: the profile does not predict what the library did")
						}
						// A deep run or another seed finds other counterexamples
						// than the recorded ones: it fails only on what the
						// profile cannot explain.
						if !cfg.update && rec != nil && recordedConfig() {
							if want, ok := rec.Properties[key]; !ok {
								f.changed = true
								what = append(what, fmt.Sprintf("not recorded (-want +got):\n-\t(nothing)\n+\t%s", r.Record()))
							} else if !want.Equal(r.Record()) {
								f.changed = true
								what = append(what, fmt.Sprintf("property result differs from the record (-want +got):\n-\t%s\n+\t%s", want, r.Record()))
							}
						}
						if len(what) > 0 {
							f.detail = fmt.Sprintf("%s\n%s\nreproduce: %s", describeProperty(prop, r, a), strings.Join(what, "\n"), reproduce(t.Name()))
							fails.add(f)
						}
					})
				}
			})
		}
	})
	if !cfg.update && rec != nil && !recordedConfig() {
		t.Logf("rapid runs with seed %d and -rapid.checks=%s, not the recorded seed %d and 100 checks: property results are checked against the record only", properties.PropertySeed(), flag.Lookup("rapid.checks").Value.String(), properties.DefaultPropertySeed)
	}
	if !cfg.update && rec != nil {
		for _, k := range slices.Sorted(maps.Keys(rec.Properties)) {
			if name, _ := conformance.ParsePropertyKey(k); !known(name) {
				t.Errorf("stale recorded property %q in %s: no such property any more; run with -jwtconform.update", k, rec.Path)
			}
		}
	}
	return got
}

// recordedConfig reports whether rapid runs with the seed and number of
// checks the recorded results were made with (DefaultPropertySeed and
// rapid's default of 100), so that the records apply.
func recordedConfig() bool {
	return properties.PropertySeed() == properties.DefaultPropertySeed && flag.Lookup("rapid.checks").Value.String() == "100"
}

// describeProperty names everything needed to reproduce a property result.
func describeProperty(p properties.Property, r conformance.PropertyResult, a adapters.Adapter) string {
	s := fmt.Sprintf("property %s (%s: %s) [%s] adapter %s, %s\nstatus %s, severity %q, explained %t, seed %d",
		p.Name, p.Clause, p.Law, r.RunMode(), a.Name(), a.Module(), r.Status, r.Severity, r.Explained, properties.PropertySeed())
	if cx := r.Counterexample; cx != nil {
		lw := cx.Leeway
		if lw == "" {
			lw = "library default"
		}
		s += fmt.Sprintf("\npayload: %s\nnow: %s  leeway: %s\n%s", cx.Payload, cx.Now, lw, cx.Detail)
	}
	return s
}

// SelectedAdapter reports whether the -jwtconform.adapter pattern selects
// the named adapter.
func SelectedAdapter(name string) bool { return conformance.MatchGlob(*adapterFlag, name) }

// known reports whether a property is called name.
func known(name string) bool {
	_, ok := properties.LookupProperty(name)
	return ok
}
