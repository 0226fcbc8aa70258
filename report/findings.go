package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
)

// Finding is one vector in one mode on which at least one adapter does
// what the RFC forbids: a security or interop departure.
type Finding struct {
	// Severity is the worst severity among Results.
	Severity conformance.Severity
	// Vector is the vector.
	Vector Vector
	// Mode is the mode.
	Mode conformance.Mode
	// RFC is the oracle's judgement in that mode.
	RFC ModeJudgement
	// Results are the departing adapters' results, sorted by adapter.
	Results []Result
}

// Findings lists the security and interop departures of d, security first,
// then by vector id and mode.
func Findings(d Document) []Finding {
	vectorAt := make(map[string]int, len(d.Vectors))
	for i, v := range d.Vectors {
		vectorAt[v.ID] = i
	}
	type key struct {
		vector string
		mode   conformance.Mode
	}
	at := map[key]int{}
	var out []Finding
	for _, r := range d.Results {
		if r.Severity != conformance.Security && r.Severity != conformance.Interop {
			continue
		}
		vi, ok := vectorAt[r.Vector]
		if !ok {
			continue
		}
		k := key{r.Vector, r.Mode}
		i, seen := at[k]
		if !seen {
			v := d.Vectors[vi]
			i = len(out)
			at[k] = i
			out = append(out, Finding{Severity: r.Severity, Vector: v, Mode: r.Mode, RFC: v.Judgement(r.Mode)})
		}
		f := &out[i]
		f.Results = append(f.Results, r)
		if severityRank(r.Severity) < severityRank(f.Severity) {
			f.Severity = r.Severity
		}
	}
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
			strings.Compare(a.Vector.ID, b.Vector.ID),
			cmp.Compare(modeIndex(a.Mode), modeIndex(b.Mode)))
	})
	for i := range out {
		slices.SortFunc(out[i].Results, func(a, b Result) int { return strings.Compare(a.Adapter, b.Adapter) })
	}
	return out
}

// severityRank orders severities most serious first; none comes last.
func severityRank(s conformance.Severity) int {
	if i := slices.Index(conformance.Severities, s); i >= 0 {
		return i
	}
	return len(conformance.Severities)
}

// joinClasses renders rejection classes as "expired|malformed_claim".
func joinClasses[C ~string](cs []C) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return strings.Join(parts, "|")
}
