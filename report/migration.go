package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// MigrationPair names a move of an application from one adapter to
// another, such as from an archived library to its successor.
type MigrationPair struct {
	// From and To are adapter names.
	From string `json:"from"`
	To   string `json:"to"`
}

// Migration is what changes, vector by vector and root cause by root
// cause, when an application moves from one adapter to another: the two
// adapters' results on the same vector and mode, compared as Diff compares
// two runs of one adapter.
type Migration struct {
	// Summary counts the changes; it is what results.json keeps.
	Summary MigrationSummary `json:"summary"`
	// Changes are the results whose outcome, severity or explanation
	// differs, both adapters giving a verdict, in vector and mode order;
	// Old is From's result and New is To's. The JSON form lists them by
	// root cause.
	Changes []Change `json:"-"`
	// Expressible are the results only one adapter can express (the other
	// says unsupported): not compared, since an application on the one
	// could not have passed those options to the other.
	Expressible []Change `json:"expressible,omitempty"`
	// Lost are the root causes From's compared results name and To's do
	// not; Gained the reverse. Each is one preset or parameter value, with
	// the gravest severity and the number of results it is part of.
	Lost   []CausePart `json:"lost,omitempty"`
	Gained []CausePart `json:"gained,omitempty"`
	// fromCauses and toCauses say whether each adapter's results name root
	// causes at all.
	fromCauses, toCauses bool
}

// MigrationSummary counts what changes between two adapters: the part of
// a Migration the reports show for the built-in migrations.
type MigrationSummary struct {
	// From and To are the adapters' names; FromModule and ToModule their
	// module@version.
	From       string `json:"from"`
	To         string `json:"to"`
	FromModule string `json:"fromModule"`
	ToModule   string `json:"toModule"`
	// Compared counts the results (vector × mode) both adapters give a
	// verdict on.
	Compared int `json:"compared"`
	// Verdicts counts, among them, those whose verdict differs; Outcomes
	// those whose outcome, severity or explanation differs (a rejection
	// class alone included).
	Verdicts int `json:"verdicts"`
	Outcomes int `json:"outcomes"`
	// Supported counts the results To can express and From cannot
	// (From says unsupported); Unsupported the reverse. Neither is
	// compared.
	Supported   int `json:"supported"`
	Unsupported int `json:"unsupported"`
	// Gained counts, per severity, the compared results that have it with
	// To and not with From; Lost the reverse.
	Gained SeverityCounts `json:"gained"`
	Lost   SeverityCounts `json:"lost"`
	// RootCausesGained and RootCausesLost name the root causes (presets or
	// parameter values) only To's, or only From's, compared results name,
	// gravest first.
	RootCausesGained []string `json:"rootCausesGained"`
	RootCausesLost   []string `json:"rootCausesLost"`
}

// CausePart is one preset or parameter value that root causes name, as
// one adapter's results show it.
type CausePart struct {
	// ID is the preset ID or parameter value.
	ID string `json:"id"`
	// Summary is the deviation's one-line description, when the profile
	// declares it as a deviation.
	Summary string `json:"summary,omitempty"`
	// Severity is the gravest severity of the results it is part of.
	Severity conformance.Severity `json:"severity"`
	// Results counts the compared results whose root causes name it.
	Results int `json:"results"`
}

// Migrate compares adapter from with adapter to over every vector and
// mode d holds results of for both. It fails when d lacks either adapter,
// or when they are the same.
func Migrate(d Document, from, to string) (Migration, error) {
	if from == to {
		return Migration{}, fmt.Errorf("report: migration from %s to itself", from)
	}
	fa, fok := d.adapter(from)
	ta, tok := d.adapter(to)
	for _, a := range []struct {
		name string
		ok   bool
	}{{from, fok}, {to, tok}} {
		if !a.ok {
			return Migration{}, fmt.Errorf("report: no adapter %q in the results (it has %s)", a.name, strings.Join(d.adapterNames(), ", "))
		}
	}
	m := Migration{Summary: MigrationSummary{From: from, To: to, FromModule: fa.Module.String(), ToModule: ta.Module.String(),
		RootCausesGained: []string{}, RootCausesLost: []string{}}}
	type key struct {
		vector string
		mode   conformance.Mode
	}
	before := map[key]Result{}
	var fromRs, toRs []Result
	for _, r := range d.Results {
		switch r.Adapter {
		case from:
			before[key{r.Vector, r.Mode}] = r
			fromRs = append(fromRs, r)
		case to:
			toRs = append(toRs, r)
		}
	}
	m.fromCauses, m.toCauses = hasRootCauses(fromRs), hasRootCauses(toRs)
	var fromCompared, toCompared []Result
	s := &m.Summary
	for _, n := range toRs {
		o, ok := before[key{n.Vector, n.Mode}]
		if !ok {
			continue
		}
		k, changed := resultChangeKind(o, n)
		if k == KindSupported || k == KindUnsupported {
			m.Expressible = append(m.Expressible, Change{Kind: k, Old: o, New: n})
			if k == KindSupported {
				s.Supported++
			} else {
				s.Unsupported++
			}
			continue
		}
		if o.Verdict == adapters.Unsupported { // both unsupported: nothing to compare
			continue
		}
		s.Compared++
		fromCompared, toCompared = append(fromCompared, o), append(toCompared, n)
		if !changed {
			continue
		}
		m.Changes = append(m.Changes, Change{Kind: k, Old: o, New: n})
		s.Outcomes++
		if k.Gates() {
			s.Verdicts++
		}
		if o.Severity != n.Severity {
			s.Gained.add(n.Severity)
			s.Lost.add(o.Severity)
		}
	}
	fromParts, toParts := causeParts(fa, fromCompared), causeParts(ta, toCompared)
	m.Lost, m.Gained = partsOnly(fromParts, toParts), partsOnly(toParts, fromParts)
	for _, p := range m.Lost {
		s.RootCausesLost = append(s.RootCausesLost, p.ID)
	}
	for _, p := range m.Gained {
		s.RootCausesGained = append(s.RootCausesGained, p.ID)
	}
	return m, nil
}

// causeParts splits the root causes of an adapter's results into their
// presets and parameter values, gravest first.
func causeParts(a Adapter, rs []Result) []CausePart {
	at := map[string]int{}
	var out []CausePart
	for _, r := range rs {
		if r.Severity == conformance.None || !r.Explained {
			continue
		}
		for _, id := range r.RootCauses {
			i, ok := at[id]
			if !ok {
				i = len(out)
				at[id] = i
				out = append(out, CausePart{ID: id, Summary: a.deviationSummary(id), Severity: r.Severity})
			}
			out[i].Results++
			if r.Severity.Worse(out[i].Severity) {
				out[i].Severity = r.Severity
			}
		}
	}
	slices.SortFunc(out, func(x, y CausePart) int {
		return cmp.Or(cmp.Compare(x.Severity.Rank(), y.Severity.Rank()), cmp.Compare(y.Results, x.Results), strings.Compare(x.ID, y.ID))
	})
	return out
}

// partsOnly returns the parts of a whose ID b lacks, in a's order.
func partsOnly(a, b []CausePart) []CausePart {
	var out []CausePart
	for _, p := range a {
		if !slices.ContainsFunc(b, func(q CausePart) bool { return q.ID == p.ID }) {
			out = append(out, p)
		}
	}
	return out
}

// deviationSummary is the one-line description of deviation id, or "".
func (a Adapter) deviationSummary(id string) string {
	for _, d := range a.Deviations {
		if d.ID == id {
			return d.Summary
		}
	}
	return ""
}

// adapter returns the adapter called name.
func (d *Document) adapter(name string) (Adapter, bool) {
	for _, a := range d.Adapters {
		if a.Name == name {
			return a, true
		}
	}
	return Adapter{}, false
}

// adapterNames lists the adapters' names, sorted as the document is.
func (d *Document) adapterNames() []string {
	out := make([]string, len(d.Adapters))
	for i, a := range d.Adapters {
		out[i] = a.Name
	}
	return out
}

// migrationSummaries summarises each pair whose two adapters d holds, in
// the order given; a pair the run did not select is left out.
func migrationSummaries(d Document, pairs []MigrationPair) ([]MigrationSummary, error) {
	if pairs == nil {
		return nil, nil
	}
	out := []MigrationSummary{}
	for _, p := range pairs {
		if _, ok := d.adapter(p.From); !ok {
			continue
		}
		if _, ok := d.adapter(p.To); !ok {
			continue
		}
		m, err := Migrate(d, p.From, p.To)
		if err != nil {
			return nil, err
		}
		out = append(out, m.Summary)
	}
	return out, nil
}
