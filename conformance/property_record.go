package conformance

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
)

// Record renders the result as a record keeps it: the status and, for a
// failure, the shrunk counterexample's payload, clock and leeway. The
// detail, which quotes library error text, is left out.
func (r PropertyResult) Record() PropertyRecord {
	if r.Status != Fails || r.Counterexample == nil {
		return PropertyRecord{Status: r.Status}
	}
	cx := r.Counterexample
	return PropertyRecord{Status: r.Status, Counterexample: &RecordedCounterexample{cx.Payload, cx.Now, cx.Leeway}}
}

// RunProperties runs the property stage of Run alone: a subtest per
// property ("properties/<name>"), failing when the result is unexplained or
// differs from the one p.Record holds. It never rewrites a record.
func RunProperties(t *testing.T, a adapters.Adapter, p Profile, minters ...adapters.Minter) {
	t.Helper()
	runProperties(t, a, p, minters, false)
}

// runProperties is Run's property stage: a subtest per property, failing
// when the result is unexplained or, unless updating, differs from the one
// p.Record holds. It returns the records of the properties that ran, for
// -jwtconform.update.
func runProperties(t *testing.T, a adapters.Adapter, p Profile, minters []adapters.Minter, update bool) map[string]PropertyRecord {
	t.Helper()
	var (
		mu  sync.Mutex
		got = map[string]PropertyRecord{}
	)
	rec := p.Record
	s := Subject{Adapter: a, Profile: p}
	t.Run("properties", func(t *testing.T) {
		for _, prop := range Properties() {
			t.Run(prop.Name, func(t *testing.T) {
				for _, m := range Modes {
					t.Run(string(m), func(t *testing.T) {
						if !update {
							t.Parallel() // rapid runs one at a time; this keeps them off the vectors' path
						}
						o := PropertyOptions{Timeout: callTimeout(), FailFiles: true, Mode: m, Minters: minters}
						r := CheckProperty(context.Background(), prop, s, o)
						key := PropertyKey(prop.Name, m)
						mu.Lock()
						got[key] = r.Record()
						mu.Unlock()
						if !r.Explained {
							t.Errorf("%s\nunexplained: the profile does not predict what the library did", describeProperty(prop, r, a))
						}
						if update || rec == nil {
							return
						}
						if !recordedConfig() {
							// A deep run or another seed finds other counterexamples;
							// it still fails on anything the profile cannot explain.
							return
						}
						if want, ok := rec.Properties[key]; !ok {
							t.Errorf("%s\nno recorded result; run with -jwtconform.update to record %s", describeProperty(prop, r, a), r.Record())
						} else if !want.Equal(r.Record()) {
							t.Errorf("%s\nproperty result mismatch (-want +got):\n-\t%s\n+\t%s", describeProperty(prop, r, a), want, r.Record())
						}
					})
				}
			})
		}
	})
	if !update && rec != nil && !recordedConfig() {
		t.Logf("rapid runs with seed %d and -rapid.checks=%s, not the recorded seed %d and 100 checks: property results are checked against the record only", PropertySeed(), flag.Lookup("rapid.checks").Value.String(), DefaultPropertySeed)
	}
	if !update && rec != nil {
		for _, k := range slices.Sorted(maps.Keys(rec.Properties)) {
			if name, _ := parsePropertyKey(k); !isProperty(name) {
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
	return PropertySeed() == DefaultPropertySeed && flag.Lookup("rapid.checks").Value.String() == "100"
}

// describeProperty names everything needed to reproduce a property result.
func describeProperty(p Property, r PropertyResult, a adapters.Adapter) string {
	s := fmt.Sprintf("property %s (%s: %s) [%s] adapter %s, %s\nstatus %s, severity %q, explained %t, seed %d",
		p.Name, p.Clause, p.Law, r.mode(), a.Name(), a.Module(), r.Status, r.Severity, r.Explained, PropertySeed())
	if cx := r.Counterexample; cx != nil {
		lw := cx.Leeway
		if lw == "" {
			lw = "library default"
		}
		s += fmt.Sprintf("\npayload: %s\nnow: %s  leeway: %s\n%s", cx.Payload, cx.Now, lw, cx.Detail)
	}
	return s
}
