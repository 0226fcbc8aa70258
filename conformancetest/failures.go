package conformancetest

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
)

// failure is one result that fails Run: a vector outcome or property
// result the profile does not explain, or that differs from the record.
type failure struct {
	// key orders failures: vectors by id and mode, then properties.
	key string
	// unexplained: the profile does not predict the result.
	unexplained bool
	// changed: the result differs from the record, or the record lacks it.
	changed bool
	// causes name what the result departs from the RFC by: its root
	// causes, "(RFC behaviour)" or "(unexplained)".
	causes []string
	// detail says everything needed to reproduce it, once.
	detail string
}

// failures collects the failures of one Run from parallel subtests, to be
// reported together once they all ran: a summary first, then a bounded
// number of details. Reported one by one, a changed library gave hundreds
// of failures, each printed by its own subtest before any overview.
type failures struct {
	mu   sync.Mutex
	list []failure
}

func (fs *failures) add(f failure) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.list = append(fs.list, f)
}

// report fails t when anything failed: one error with the summary (how
// many results changed and are unexplained, and the root causes
// involved), then one per failure, at most limit of them (all when limit
// is negative), each naming its vector or property, adapter, library
// version, payload, token, clock and leeway with (-want +got).
func (fs *failures) report(t *testing.T, a adapters.Adapter, limit int) {
	t.Helper()
	fs.mu.Lock()
	list := slices.Clone(fs.list)
	fs.mu.Unlock()
	if len(list) == 0 {
		return
	}
	slices.SortFunc(list, func(x, y failure) int { return strings.Compare(x.key, y.key) })
	changed, unexplained := 0, 0
	causes := map[string]int{}
	for _, f := range list {
		if f.changed {
			changed++
		}
		if f.unexplained {
			unexplained++
		}
		for _, c := range f.causes {
			causes[c]++
		}
	}
	names := slices.Sorted(maps.Keys(causes))
	slices.SortStableFunc(names, func(x, y string) int { return cmp.Compare(causes[y], causes[x]) })
	counted := make([]string, len(names))
	for i, n := range names {
		counted[i] = fmt.Sprintf("%s (%d)", n, causes[n])
	}
	shown := len(list)
	if limit >= 0 && limit < shown {
		shown = limit
	}
	more := ""
	if shown < len(list) {
		more = fmt.Sprintf("; the first %d follow, -jwtconform.details=all (or JWTCONFORM_DETAILS=all) prints every one", shown)
	}
	t.Errorf("SUMMARY %s, %s: %d %s: %d %s from the record, %d unexplained by the profile\nroot causes involved: %s\n%s",
		a.Name(), a.Module(), len(list), plural(len(list), "result fails", "results fail"), changed, plural(changed, "differs", "differ"), unexplained,
		strings.Join(counted, ", "),
		"after a deliberate change (a library upgrade you accept), rerun with -jwtconform.update to record it"+more)
	for _, f := range list[:shown] {
		t.Error(f.detail)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// causesOf labels a result's root causes for the summary.
func causesOf(rootCauses []string, explained bool) []string {
	switch {
	case !explained:
		return []string{"(unexplained)"}
	case len(rootCauses) == 0:
		return []string{"(RFC behaviour)"}
	}
	return rootCauses
}
