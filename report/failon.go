package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
)

// FailOn is a condition that fails a run (jwtconform run -fail-on).
type FailOn string

// The conditions a run can fail on.
const (
	// FailUnexplained: a vector result, property result, timeline or fuzz
	// finding the adapter's profile does not predict.
	FailUnexplained FailOn = "unexplained"
	// FailChanged: a vector outcome that differs from the one the
	// adapter's record holds, or that the record lacks.
	FailChanged FailOn = "changed"
	// FailSecurity: any security finding, explained or not: a vector or
	// property result, a resource grade, or a fuzz finding that panics,
	// hangs or allocates without bound.
	FailSecurity FailOn = "security"
	// FailNever: the run never fails for what the libraries did.
	FailNever FailOn = "never"
)

// DefaultFailOn is what a run fails on unless told otherwise: what go test
// fails on, so that the command gates as the tests do.
const DefaultFailOn = "unexplained,changed"

// ParseFailOn reads a comma-separated list of conditions, such as
// "unexplained,changed". "never" stands alone.
func ParseFailOn(s string) ([]FailOn, error) {
	var out []FailOn
	for _, part := range strings.Split(s, ",") {
		c := FailOn(strings.TrimSpace(part))
		switch c {
		case FailUnexplained, FailChanged, FailSecurity, FailNever:
		default:
			return nil, fmt.Errorf("unknown condition %q (want unexplained, changed, security or never, comma-separated)", part)
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if slices.Contains(out, FailNever) && len(out) > 1 {
		return nil, fmt.Errorf("%q: never cannot be combined with another condition", s)
	}
	return out, nil
}

// RunCheck is what, in one run, meets the conditions of -fail-on: one line
// per item, "adapter vector mode: what".
type RunCheck struct {
	// Conditions are the conditions checked.
	Conditions []FailOn
	// Unexplained, Changed and Security list the items that meet each
	// condition, whether or not it was asked for.
	Unexplained, Changed, Security []string
	// Unrecorded names adapters with no record to compare with.
	Unrecorded []string
}

// CheckRun lists what in d meets each condition. records holds each
// adapter's record by name (conformance.Profile.Record); an adapter
// without one has nothing to differ from.
func CheckRun(d Document, records map[string]*conformance.Record, conds []FailOn) RunCheck {
	c := RunCheck{Conditions: conds}
	for _, a := range d.Adapters {
		if records[a.Name] == nil {
			c.Unrecorded = append(c.Unrecorded, a.Name)
		}
	}
	for _, r := range d.Results {
		at := fmt.Sprintf("%s %s %s", r.Adapter, r.Vector, r.Mode)
		if !r.Explained {
			c.Unexplained = append(c.Unexplained, fmt.Sprintf("%s: the profile predicts %s, the library gave %s", at, r.Profile, r.Outcome()))
		}
		if rec := records[r.Adapter]; rec != nil {
			want, ok := rec.Outcomes[conformance.OutcomeKey(r.Vector, r.Mode)]
			switch {
			case !ok:
				c.Changed = append(c.Changed, fmt.Sprintf("%s: not recorded, the library gave %s", at, r.Outcome()))
			case want != r.Outcome():
				c.Changed = append(c.Changed, fmt.Sprintf("%s: recorded %s, the library gave %s", at, want, r.Outcome()))
			}
		}
		if r.Severity == conformance.Security {
			c.Security = append(c.Security, fmt.Sprintf("%s: %s where the RFC says %s", at, r.Outcome(), r.RFC))
		}
	}
	for _, p := range d.Properties {
		at := fmt.Sprintf("%s property %s %s", p.Adapter, p.Property, p.RunMode())
		if !p.Explained {
			c.Unexplained = append(c.Unexplained, at+": "+string(p.Status)+", which the profile does not predict")
		}
		if p.Status == conformance.Fails && p.Severity == conformance.Security {
			c.Security = append(c.Security, at+": fails")
		}
	}
	for _, t := range d.Timelines {
		if !t.Explained {
			c.Unexplained = append(c.Unexplained, fmt.Sprintf("%s timeline %s: the profile predicts other outcomes", t.Adapter, t.Setting))
		}
	}
	for _, r := range d.Resources {
		if r.Severity == conformance.Security {
			c.Security = append(c.Security, fmt.Sprintf("%s resource %s: %s", r.Adapter, r.Shape, r.Note))
		}
	}
	for _, f := range d.Fuzz {
		at := fmt.Sprintf("%s fuzz %s", f.Adapter, f.File)
		switch f.Kind {
		case "unexplained":
			c.Unexplained = append(c.Unexplained, at+": unexplained")
		case "panic", "timeout", "alloc":
			c.Security = append(c.Security, at+": "+f.Kind)
		}
	}
	return c
}

// items returns the items that meet condition f.
func (c RunCheck) items(f FailOn) []string {
	switch f {
	case FailUnexplained:
		return c.Unexplained
	case FailChanged:
		return c.Changed
	case FailSecurity:
		return c.Security
	}
	return nil
}

// Failed reports whether any condition asked for is met.
func (c RunCheck) Failed() bool {
	for _, f := range c.Conditions {
		if len(c.items(f)) > 0 {
			return true
		}
	}
	return false
}

// Reason is one line saying which conditions failed the run and how
// often, for stderr.
func (c RunCheck) Reason() string {
	what := map[FailOn][2]string{
		FailUnexplained: {"result unexplained by its profile", "results unexplained by their profiles"},
		FailChanged:     {"outcome differs from the record", "outcomes differ from the records"},
		FailSecurity:    {"security finding", "security findings"},
	}
	var parts []string
	for _, f := range c.Conditions {
		if n := len(c.items(f)); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, what[f][0], what[f][1])))
		}
	}
	names := make([]string, len(c.Conditions))
	for i, f := range c.Conditions {
		names[i] = string(f)
	}
	return fmt.Sprintf("-fail-on %s: %s", strings.Join(names, ","), strings.Join(parts, ", "))
}

// Details lists up to limit items of each condition that failed the run,
// with a count of the rest.
func (c RunCheck) Details(limit int) []string {
	var out []string
	for _, f := range c.Conditions {
		items := c.items(f)
		if len(items) == 0 {
			continue
		}
		out = append(out, fmt.Sprintf("%s (%d):", f, len(items)))
		for i, it := range items {
			if i == limit {
				out = append(out, fmt.Sprintf("  ... and %d more", len(items)-limit))
				break
			}
			out = append(out, "  "+it)
		}
	}
	return out
}
