package report

import (
	"cmp"
	"github.com/jwtconform/jwtconform/conformance"
	"slices"
	"strings"
)

// DeviationRow is one row of the deviations × adapters table: a deviation
// from the catalogue and the adapters whose profiles declare it.
type DeviationRow struct {
	// ID names the catalogue entry.
	ID string
	// Summary is the catalogue's description, the row's label.
	Summary string
	// Has tells, per adapter of the Document in order, whether its profile
	// declares the deviation.
	Has []bool
	// Reasons are the profiles' reasons, per adapter; empty where Has is
	// false.
	Reasons []string
}

// DeviationTable lists every deviation some adapter of d declares, sorted
// by the number of adapters declaring it (most first), then by id.
func DeviationTable(d Document) []DeviationRow {
	at := map[string]int{}
	var rows []DeviationRow
	for ai, a := range d.Adapters {
		devs := slices.Clone(a.Deviations)
		for _, p := range a.Parameters {
			// A parameter value a profile sets is named as root causes name it.
			devs = append(devs, Deviation{ID: p.Name + "=" + p.Value, Reason: p.Reason,
				Summary: parameterSummary(conformance.ParameterRef{Name: p.Name, Value: p.Value})})
		}
		for _, dev := range devs {
			i, ok := at[dev.ID]
			if !ok {
				i = len(rows)
				at[dev.ID] = i
				rows = append(rows, DeviationRow{ID: dev.ID, Summary: cmp.Or(dev.Summary, dev.ID),
					Has: make([]bool, len(d.Adapters)), Reasons: make([]string, len(d.Adapters))})
			}
			rows[i].Has[ai] = true
			rows[i].Reasons[ai] = dev.Reason
		}
	}
	count := func(r DeviationRow) int {
		n := 0
		for _, h := range r.Has {
			if h {
				n++
			}
		}
		return n
	}
	slices.SortFunc(rows, func(a, b DeviationRow) int {
		return cmp.Or(cmp.Compare(count(b), count(a)), strings.Compare(a.ID, b.ID))
	})
	return rows
}
