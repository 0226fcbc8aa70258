package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
)

// RootCause is one reason an adapter departs from RFC 7519: a preset or
// parameter value of its profile (or several that only act together),
// with every result it explains.
type RootCause struct {
	// ID names it: a preset ID ("exp-inclusive"), a parameter value
	// ("nbf.default-leeway=5m"), several joined by " + " when only their
	// combination explains the results, or Unpinned.
	ID string `json:"id"`
	// Summary says in one line what the library does.
	Summary string `json:"summary"`
	// Severity is the gravest severity among its results.
	Severity conformance.Severity `json:"severity"`
	// Results counts the results it explains, over both modes.
	Results int `json:"results"`
	// Modes lists the modes its results occur in, explicit first.
	Modes []conformance.Mode `json:"modes"`
	// Example is the smallest reproducing result of the gravest severity:
	// the one with the shortest payload, then the lowest vector id.
	Example ResultKey `json:"example"`
	// Avoid says how a user avoids it, from what was measured: the
	// explicit options, or another verification path of the library that
	// does not show it; empty when no measured path avoids it.
	Avoid string `json:"avoid,omitempty"`
}

// Unpinned is the root cause of a result on a point the RFC leaves open
// (an either vector) where the profile does not pin the library's choice.
const Unpinned = "rfc-leaves-open"

// rootCauseKey is the key results are grouped under.
func rootCauseKey(r Result) string {
	if len(r.RootCauses) == 0 {
		return Unpinned
	}
	return strings.Join(r.RootCauses, " + ")
}

// rootCausesOf groups every explained departure among one adapter's
// results by root cause, gravest first.
func rootCausesOf(d *Document, results []Result, summaries map[string]string) []RootCause {
	at := map[string]int{}
	var out []RootCause
	for _, r := range results {
		if r.Severity == conformance.None || !r.Explained {
			continue
		}
		key := rootCauseKey(r)
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, RootCause{ID: key, Summary: summaryOf(r.RootCauses, summaries), Severity: r.Severity, Example: r.Key()})
		}
		rc := &out[i]
		rc.Results++
		if !slices.Contains(rc.Modes, r.Mode) {
			rc.Modes = append(rc.Modes, r.Mode)
		}
		if r.Severity.Worse(rc.Severity) || r.Severity == rc.Severity && smaller(d, r.Key(), rc.Example) {
			rc.Severity, rc.Example = r.Severity, r.Key()
		}
	}
	for i := range out {
		slices.SortFunc(out[i].Modes, func(x, y conformance.Mode) int { return cmp.Compare(modeIndex(x), modeIndex(y)) })
	}
	slices.SortFunc(out, func(x, y RootCause) int {
		return cmp.Or(cmp.Compare(x.Severity.Rank(), y.Severity.Rank()), cmp.Compare(y.Results, x.Results), strings.Compare(x.ID, y.ID))
	})
	return out
}

// smaller reports whether result a is a smaller reproduction than b.
func smaller(d *Document, a, b ResultKey) bool {
	va, vb := d.vector(a.Vector), d.vector(b.Vector)
	if la, lb := len(va.PayloadBytes()), len(vb.PayloadBytes()); la != lb {
		return la < lb
	}
	return cmp.Or(strings.Compare(a.Vector, b.Vector), cmp.Compare(modeIndex(a.Mode), modeIndex(b.Mode))) < 0
}

// summaryOf joins the one-line summaries of the parts of a root cause.
func summaryOf(parts []string, summaries map[string]string) string {
	if len(parts) == 0 {
		return "a point RFC 7519 leaves to the implementation, on which the profile does not pin the library's choice"
	}
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		out = append(out, cmp.Or(summaries[p], p))
	}
	return strings.Join(out, "; and ")
}

// setAvoid fills in each root cause's Avoid from what the run measured:
// a root cause seen only in the defaults mode of an adapter whose options
// work is avoided by passing them; one whose parts another adapter of the
// same module does not have is avoided by that verification path.
func setAvoid(d *Document) {
	has := map[string]map[string]bool{} // adapter → its profile's deviations
	for _, a := range d.Adapters {
		has[a.Name] = map[string]bool{}
		for _, dev := range a.Deviations {
			has[a.Name][dev.ID] = true
		}
		for _, p := range a.Parameters {
			has[a.Name][p.Name+"="+p.Value] = true
		}
	}
	for ai := range d.Adapters {
		a := &d.Adapters[ai]
		explicitWorks := !ExplicitUnsupported(*d, a.Name)
		for i := range a.RootCauses {
			rc := &a.RootCauses[i]
			var ways []string
			if explicitWorks && !slices.Contains(rc.Modes, conformance.Explicit) {
				ways = append(ways, "pass the options explicitly")
			}
			var others []string
			for _, b := range d.Adapters {
				if b.Name != a.Name && b.Module.Path == a.Module.Path && !slices.ContainsFunc(strings.Split(rc.ID, " + "), func(id string) bool { return has[b.Name][id] }) {
					others = append(others, "`"+b.Name+"`")
				}
			}
			if len(others) > 0 {
				ways = append(ways, "use "+strings.Join(others, " or "))
			}
			rc.Avoid = strings.Join(ways, "; or ")
		}
	}
}

// addRootCauses groups each adapter's departures by root cause and counts
// them by severity in its score.
func addRootCauses(d *Document, summaries map[string]map[string]string) {
	lo := 0
	for ai := range d.Adapters {
		a := &d.Adapters[ai]
		hi := lo
		for hi < len(d.Results) && d.Results[hi].Adapter == a.Name {
			hi++
		}
		a.RootCauses = rootCausesOf(d, d.Results[lo:hi], summaries[a.Name])
		for _, rc := range a.RootCauses {
			a.Score.RootCauses.add(rc.Severity)
		}
		lo = hi
	}
	setAvoid(d)
}

// vector returns the vector with id, or the zero Vector.
func (d *Document) vector(id string) Vector {
	i, ok := slices.BinarySearchFunc(d.Vectors, id, func(v Vector, id string) int { return strings.Compare(v.ID, id) })
	if !ok {
		return Vector{}
	}
	return d.Vectors[i]
}

// SeverityCounts counts things by severity.
type SeverityCounts struct {
	Security int `json:"security"`
	Lenient  int `json:"lenient"`
	Interop  int `json:"interop"`
	Policy   int `json:"policy"`
	Info     int `json:"info"`
}

// add counts one of severity s; None counts nowhere.
func (c *SeverityCounts) add(s conformance.Severity) {
	switch s {
	case conformance.Security:
		c.Security++
	case conformance.Lenient:
		c.Lenient++
	case conformance.Interop:
		c.Interop++
	case conformance.Policy:
		c.Policy++
	case conformance.Info:
		c.Info++
	}
}

// Of is the count of severity s.
func (c SeverityCounts) Of(s conformance.Severity) int {
	switch s {
	case conformance.Security:
		return c.Security
	case conformance.Lenient:
		return c.Lenient
	case conformance.Interop:
		return c.Interop
	case conformance.Policy:
		return c.Policy
	case conformance.Info:
		return c.Info
	}
	return 0
}

// String writes the non-zero counts, gravest first: "1 security, 2 policy".
func (c SeverityCounts) String() string {
	var parts []string
	for _, s := range conformance.Severities {
		if n := c.Of(s); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// profileSummaries maps each preset ID and parameter value a subject's
// profile sets to its one-line summary.
func profileSummaries(subjects []conformance.Subject) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, s := range subjects {
		m := map[string]string{}
		for _, ref := range s.Profile.Deviations {
			m[ref.ID] = presetSummary(s.Profile, ref.ID)
		}
		for _, ref := range s.Profile.Parameters {
			m[ref.Name+"="+ref.Value] = parameterSummary(ref)
		}
		out[s.Adapter.Name()] = m
	}
	return out
}

// presetSummary is the summary of preset id as profile p knows it: a
// built-in preset's, or one of the profile's own.
func presetSummary(p conformance.Profile, id string) string {
	if pre, ok := oracle.LookupPreset(id); ok {
		return pre.Summary
	}
	for _, pre := range p.Presets {
		if pre.ID == id {
			return pre.Summary
		}
	}
	return ""
}

// parameterSummary says what a parameter value a profile sets means.
func parameterSummary(ref conformance.ParameterRef) string {
	for _, p := range oracle.Parameters() {
		if p.Name == ref.Name {
			return fmt.Sprintf("%s is %s (%s)", ref.Name, ref.Value, p.Doc)
		}
	}
	return ref.Name + " is " + ref.Value
}
