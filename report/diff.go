package report

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// Delta is what changed between two runs: everything results.json holds.
// A change either gates (a verdict, a property's status, an acceptance
// timeline, a resource grade or a fuzz finding changed: the libraries
// behave differently) or is informational (a rejection class, a severity
// or an explanation changed, a counterexample moved, a module version, a
// profile's deviations or parameters, the vectors or adapters run).
type Delta struct {
	// Old and New are the two runs' suite descriptions.
	Old, New Suite `json:"-"`
	// Modules lists every module (Document.Modules) whose version changed,
	// was added or was removed, by path.
	Modules []ModuleChange `json:"modules,omitempty"`
	// AdaptersAdded and AdaptersRemoved name adapters only one run has.
	AdaptersAdded   []string `json:"adaptersAdded,omitempty"`
	AdaptersRemoved []string `json:"adaptersRemoved,omitempty"`
	// VectorsAdded and VectorsRemoved name vectors only one run has.
	VectorsAdded   []string `json:"vectorsAdded,omitempty"`
	VectorsRemoved []string `json:"vectorsRemoved,omitempty"`
	// Profiles are the adapters, in both runs, whose module version,
	// deviations or parameters changed, by name.
	Profiles []ProfileChange `json:"-"`
	// Changes are the vector results, present in both runs, whose outcome
	// (verdict and class), severity or explanation changed, in result
	// order.
	Changes []Change `json:"-"`
	// Properties are the property results, present in both runs, whose
	// status, severity, explanation or counterexample changed.
	Properties []PropertyChange `json:"-"`
	// Timelines are the acceptance timelines, present in both runs, whose
	// accepted spans, support or explanation changed.
	Timelines []TimelineChange `json:"-"`
	// Resources are the resource measurements, present in both runs, whose
	// grade changed; their figures vary between runs and are not compared.
	Resources []ResourceChange `json:"-"`
	// Fuzz are the fuzz findings that appeared, disappeared or changed
	// kind.
	Fuzz []FuzzChange `json:"-"`
	// NotCompared names the sections one run has and the other lacks.
	NotCompared []string `json:"notCompared,omitempty"`
	// oldCauses and newCauses say whether each run names root causes at
	// all (results.json written before they existed names none).
	oldCauses, newCauses bool
}

// ModuleChange is a module whose version differs between two runs.
type ModuleChange struct {
	// Path is the module path.
	Path string `json:"path"`
	// Old and New are its versions; "" when the run lacks it.
	Old string `json:"old"`
	New string `json:"new"`
}

// ProfileChange is an adapter whose library version or declared
// deviation set changed.
type ProfileChange struct {
	// Adapter is the adapter's name.
	Adapter string `json:"adapter"`
	// OldModule and NewModule are module@version in each run.
	OldModule string `json:"oldModule"`
	NewModule string `json:"newModule"`
	// DeviationsAdded and DeviationsRemoved are deviation ids.
	DeviationsAdded   []string `json:"deviationsAdded,omitempty"`
	DeviationsRemoved []string `json:"deviationsRemoved,omitempty"`
	// ParametersAdded and ParametersRemoved are "name=value" settings.
	ParametersAdded   []string `json:"parametersAdded,omitempty"`
	ParametersRemoved []string `json:"parametersRemoved,omitempty"`
}

// ChangeKind says what changed in a result.
type ChangeKind string

// The kinds of change. Verdict, Supported and Unsupported gate; the
// others are informational.
const (
	// KindVerdict: the library's verdict changed (accept, reject, panic,
	// timeout), or a property's status (holds, fails), or a timeline's
	// accepted spans, or a resource grade, or a fuzz finding.
	KindVerdict ChangeKind = "verdict"
	// KindSupported: an option the adapter could not express now gives a
	// verdict (unsupported → verdict), as when a library adds an option.
	KindSupported ChangeKind = "supported"
	// KindUnsupported: a verdict became unsupported.
	KindUnsupported ChangeKind = "unsupported"
	// KindClass: only the rejection class changed.
	KindClass ChangeKind = "class"
	// KindSeverity: only the grade against the RFC changed: the oracle or
	// the grading rules changed, not the library.
	KindSeverity ChangeKind = "severity"
	// KindExplained: only whether the profile explains the result changed.
	KindExplained ChangeKind = "explained"
	// KindCounterexample: a property's status held but rapid shrank to
	// another counterexample.
	KindCounterexample ChangeKind = "counterexample"
)

// Gates reports whether a change of kind k fails the gate.
func (k ChangeKind) Gates() bool {
	return k == KindVerdict || k == KindSupported || k == KindUnsupported
}

// Change is one vector result that differs between two runs.
type Change struct {
	// Kind says what changed, the gravest first: verdict before class
	// before severity before explanation.
	Kind ChangeKind `json:"kind"`
	// Old and New are the result in each run.
	Old Result `json:"old"`
	New Result `json:"new"`
}

// VerdictChanged reports whether the library's verdict changed (unsupported
// ↔ a verdict included), not just the class of a rejection or the RFC's
// view of it.
func (c Change) VerdictChanged() bool { return c.Kind.Gates() }

// PropertyChange is one property result that differs between two runs.
type PropertyChange struct {
	// Kind is verdict (the status changed between holds and fails),
	// supported, unsupported, severity, explained or counterexample.
	Kind ChangeKind `json:"kind"`
	// Old and New are the result in each run.
	Old conformance.PropertyResult `json:"old"`
	New conformance.PropertyResult `json:"new"`
}

// TimelineChange is an acceptance timeline that differs between two runs.
type TimelineChange struct {
	// Kind is verdict (the accepted spans changed), supported,
	// unsupported or explained.
	Kind ChangeKind `json:"kind"`
	// Adapter and Setting name the timeline.
	Adapter string `json:"adapter"`
	Setting string `json:"setting"`
	// Old and New are what the timeline accepts in each run.
	Old TimelineState `json:"old"`
	New TimelineState `json:"new"`
}

// TimelineState is the part of a timeline the diff compares.
type TimelineState struct {
	// Accepted are the spans the library accepts.
	Accepted []conformance.Interval `json:"accepted"`
	// Unsupported says why the setting could not be expressed.
	Unsupported string `json:"unsupported,omitempty"`
	// Explained is false when the profile predicts another outcome.
	Explained bool `json:"explained"`
}

// ResourceChange is a resource measurement whose grade changed.
type ResourceChange struct {
	// Kind is verdict: a grade change always gates.
	Kind ChangeKind `json:"kind"`
	// Adapter and Shape name the measurement.
	Adapter string `json:"adapter"`
	Shape   string `json:"shape"`
	// Old and New are the measurement in each run.
	Old conformance.ResourceResult `json:"old"`
	New conformance.ResourceResult `json:"new"`
}

// FuzzChange is a fuzz finding only one run has, or whose kind changed.
type FuzzChange struct {
	// Kind is verdict: a finding that comes, goes or changes kind gates.
	Kind ChangeKind `json:"kind"`
	// Target, File and Adapter name the finding.
	Target  string `json:"target"`
	File    string `json:"file"`
	Adapter string `json:"adapter,omitempty"`
	// Old and New are the finding's kind in each run (panic, timeout,
	// alloc, unexplained, explained); "" when the run has no finding there.
	Old string `json:"old"`
	New string `json:"new"`
	// Detail is the newer run's detail, or the older's when the finding
	// is gone.
	Detail string `json:"detail"`
}

// DiffSummary counts what changed, for headlines and the exit status.
type DiffSummary struct {
	// Verdicts counts vector results whose verdict changed, unsupported ↔
	// verdict included.
	Verdicts int `json:"verdicts"`
	// Supported and Unsupported count, among Verdicts, results that became
	// a verdict from unsupported and the reverse.
	Supported   int `json:"supported"`
	Unsupported int `json:"unsupported"`
	// SecurityGone and SecurityNew count vector results that stopped or
	// started being security findings.
	SecurityGone int `json:"securityGone"`
	SecurityNew  int `json:"securityNew"`
	// Outcomes counts every changed vector result, informational ones
	// included.
	Outcomes int `json:"outcomes"`
	// Properties, Timelines, Resources and Fuzz count the changes of each
	// section that gate.
	Properties int `json:"properties"`
	Timelines  int `json:"timelines"`
	Resources  int `json:"resources"`
	Fuzz       int `json:"fuzz"`
	// Informational counts the changes that do not gate: classes,
	// severities, explanations and counterexamples, module versions,
	// changed profiles, adapters or vectors added or removed, and sections
	// only one run has.
	Informational int `json:"informational"`
}

// Gates reports whether anything that fails the gate changed.
func (s DiffSummary) Gates() bool {
	return s.Verdicts+s.Properties+s.Timelines+s.Resources+s.Fuzz > 0
}

// Summary counts the delta's changes.
func (d Delta) Summary() DiffSummary {
	var s DiffSummary
	for _, c := range d.Changes {
		s.Outcomes++
		switch c.Kind {
		case KindSupported:
			s.Supported++
		case KindUnsupported:
			s.Unsupported++
		}
		if c.Kind.Gates() {
			s.Verdicts++
		} else {
			s.Informational++
		}
		switch old, new := c.Old.Severity == conformance.Security, c.New.Severity == conformance.Security; {
		case old && !new:
			s.SecurityGone++
		case !old && new:
			s.SecurityNew++
		}
	}
	count := func(k ChangeKind, n *int) {
		if k.Gates() {
			*n++
		} else {
			s.Informational++
		}
	}
	for _, c := range d.Properties {
		count(c.Kind, &s.Properties)
	}
	for _, c := range d.Timelines {
		count(c.Kind, &s.Timelines)
	}
	for _, c := range d.Resources {
		count(c.Kind, &s.Resources)
	}
	for _, c := range d.Fuzz {
		count(c.Kind, &s.Fuzz)
	}
	s.Informational += len(d.Modules) + len(d.Profiles) + len(d.AdaptersAdded) + len(d.AdaptersRemoved) +
		len(d.VectorsAdded) + len(d.VectorsRemoved) + len(d.NotCompared)
	if d.Old.Go != d.New.Go {
		s.Informational++
	}
	return s
}

// VerdictsChanged counts the vector results whose verdict changed.
func (d Delta) VerdictsChanged() int { return d.Summary().Verdicts }

// Gates reports whether the delta fails the upgrade gate: a verdict,
// property status, timeline, resource grade or fuzz finding changed.
func (d Delta) Gates() bool { return d.Summary().Gates() }

// Empty reports whether nothing at all changed.
func (d Delta) Empty() bool {
	s := d.Summary()
	return !s.Gates() && s.Informational == 0 && d.Old.VectorsDigest == d.New.VectorsDigest
}

// Diff compares two runs.
func Diff(old, new Document) Delta {
	d := Delta{Old: old.Suite, New: new.Suite}
	d.Modules = moduleChanges(old.Modules, new.Modules)
	d.Profiles, d.AdaptersAdded, d.AdaptersRemoved = profileChanges(old.Adapters, new.Adapters)
	d.VectorsAdded, d.VectorsRemoved = addedRemoved(vectorIDs(old), vectorIDs(new))
	d.Changes = resultChanges(old.Results, new.Results)
	d.oldCauses, d.newCauses = hasRootCauses(old.Results), hasRootCauses(new.Results)

	for _, s := range []struct {
		name       string
		old, new   bool
		comparable func()
	}{
		{"properties", old.Properties != nil, new.Properties != nil, func() { d.Properties = propertyChanges(old.Properties, new.Properties) }},
		{"timelines", old.Timelines != nil, new.Timelines != nil, func() { d.Timelines = timelineChanges(old.Timelines, new.Timelines) }},
		{"resources", old.Resources != nil, new.Resources != nil, func() { d.Resources = resourceChanges(old.Resources, new.Resources) }},
		{"fuzz", old.Fuzz != nil, new.Fuzz != nil, func() { d.Fuzz = fuzzChanges(old.Fuzz, new.Fuzz) }},
	} {
		switch {
		case s.old && s.new:
			s.comparable()
		case s.old:
			d.NotCompared = append(d.NotCompared, s.name+": only the old run has them")
		case s.new:
			d.NotCompared = append(d.NotCompared, s.name+": only the new run has them")
		}
	}
	return d
}

func moduleChanges(old, new []adapters.Module) []ModuleChange {
	versions := map[string]*ModuleChange{}
	for _, m := range old {
		versions[m.Path] = &ModuleChange{Path: m.Path, Old: m.Version}
	}
	for _, m := range new {
		if c, ok := versions[m.Path]; ok {
			c.New = m.Version
		} else {
			versions[m.Path] = &ModuleChange{Path: m.Path, New: m.Version}
		}
	}
	var out []ModuleChange
	for _, p := range slices.Sorted(maps.Keys(versions)) {
		if c := versions[p]; c.Old != c.New {
			out = append(out, *c)
		}
	}
	return out
}

func profileChanges(old, new []Adapter) (changed []ProfileChange, added, removed []string) {
	before := map[string]Adapter{}
	for _, a := range old {
		before[a.Name] = a
	}
	seen := map[string]bool{}
	for _, a := range new {
		seen[a.Name] = true
		o, ok := before[a.Name]
		if !ok {
			added = append(added, a.Name)
			continue
		}
		c := ProfileChange{Adapter: a.Name, OldModule: o.Module.String(), NewModule: a.Module.String()}
		c.DeviationsAdded, c.DeviationsRemoved = addedRemoved(deviationIDs(o), deviationIDs(a))
		c.ParametersAdded, c.ParametersRemoved = addedRemoved(parameterSettings(o), parameterSettings(a))
		if c.OldModule != c.NewModule || len(c.DeviationsAdded)+len(c.DeviationsRemoved)+len(c.ParametersAdded)+len(c.ParametersRemoved) > 0 {
			changed = append(changed, c)
		}
	}
	for _, a := range old {
		if !seen[a.Name] {
			removed = append(removed, a.Name)
		}
	}
	slices.SortFunc(changed, func(a, b ProfileChange) int { return strings.Compare(a.Adapter, b.Adapter) })
	slices.Sort(added)
	slices.Sort(removed)
	return changed, added, removed
}

func deviationIDs(a Adapter) []string {
	ids := make([]string, len(a.Deviations))
	for i, d := range a.Deviations {
		ids[i] = d.ID
	}
	slices.Sort(ids)
	return ids
}

func parameterSettings(a Adapter) []string {
	ps := make([]string, len(a.Parameters))
	for i, p := range a.Parameters {
		ps[i] = p.String()
	}
	slices.Sort(ps)
	return ps
}

func resultChanges(old, new []Result) []Change {
	before := make(map[ResultKey]Result, len(old))
	for _, r := range old {
		before[r.Key()] = r
	}
	var out []Change
	for _, r := range new {
		o, ok := before[r.Key()]
		if !ok {
			continue
		}
		if k, changed := resultChangeKind(o, r); changed {
			out = append(out, Change{Kind: k, Old: o, New: r})
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(strings.Compare(a.New.Adapter, b.New.Adapter), strings.Compare(a.New.Vector, b.New.Vector),
			cmp.Compare(modeIndex(a.New.Mode), modeIndex(b.New.Mode)))
	})
	return out
}

// resultChangeKind says what changed between two results of one key, the
// gravest first. A changed error text alone, or changed root causes alone,
// is no change: the one quotes the library, the other is the profile's
// reading, which the profile changes show.
func resultChangeKind(o, n Result) (ChangeKind, bool) {
	switch {
	case o.Verdict != n.Verdict && o.Verdict == adapters.Unsupported:
		return KindSupported, true
	case o.Verdict != n.Verdict && n.Verdict == adapters.Unsupported:
		return KindUnsupported, true
	case o.Verdict != n.Verdict:
		return KindVerdict, true
	case o.Class != n.Class:
		return KindClass, true
	case o.Severity != n.Severity:
		return KindSeverity, true
	case o.Explained != n.Explained:
		return KindExplained, true
	}
	return "", false
}

// propertyKey identifies a property result: adapter, property and mode.
type propertyKey struct {
	adapter, property string
	mode              conformance.Mode
}

func propertyChanges(old, new []conformance.PropertyResult) []PropertyChange {
	before := map[propertyKey]conformance.PropertyResult{}
	for _, p := range old {
		before[propertyKey{p.Adapter, p.Property, p.RunMode()}] = p
	}
	var out []PropertyChange
	for _, p := range new {
		o, ok := before[propertyKey{p.Adapter, p.Property, p.RunMode()}]
		if !ok {
			continue
		}
		var k ChangeKind
		switch {
		case o.Status == p.Status:
		case o.Status == conformance.PropertyUnsupported:
			k = KindSupported
		case p.Status == conformance.PropertyUnsupported:
			k = KindUnsupported
		default:
			k = KindVerdict
		}
		if k == "" {
			switch {
			case o.Severity != p.Severity:
				k = KindSeverity
			case o.Explained != p.Explained:
				k = KindExplained
			case !o.Record().Equal(p.Record()):
				k = KindCounterexample
			}
		}
		if k != "" {
			out = append(out, PropertyChange{Kind: k, Old: o, New: p})
		}
	}
	return out
}

func timelineChanges(old, new []conformance.Timeline) []TimelineChange {
	type key struct{ adapter, setting string }
	before := map[key]conformance.Timeline{}
	for _, t := range old {
		before[key{t.Adapter, t.Setting}] = t
	}
	state := func(t conformance.Timeline) TimelineState {
		return TimelineState{Accepted: t.Accepted, Unsupported: t.Unsupported, Explained: t.Explained}
	}
	var out []TimelineChange
	for _, t := range new {
		o, ok := before[key{t.Adapter, t.Setting}]
		if !ok {
			continue
		}
		var k ChangeKind
		switch {
		case o.Unsupported != "" && t.Unsupported == "":
			k = KindSupported
		case o.Unsupported == "" && t.Unsupported != "":
			k = KindUnsupported
		case !slices.Equal(o.Accepted, t.Accepted):
			k = KindVerdict
		case o.Explained != t.Explained:
			k = KindExplained
		}
		if k != "" {
			out = append(out, TimelineChange{Kind: k, Adapter: t.Adapter, Setting: t.Setting, Old: state(o), New: state(t)})
		}
	}
	return out
}

func resourceChanges(old, new []conformance.ResourceResult) []ResourceChange {
	type key struct{ adapter, shape string }
	before := map[key]conformance.ResourceResult{}
	for _, r := range old {
		before[key{r.Adapter, r.Shape}] = r
	}
	var out []ResourceChange
	for _, r := range new {
		if o, ok := before[key{r.Adapter, r.Shape}]; ok && o.Severity != r.Severity {
			out = append(out, ResourceChange{Kind: KindVerdict, Adapter: r.Adapter, Shape: r.Shape, Old: o, New: r})
		}
	}
	return out
}

func fuzzChanges(old, new []conformance.FuzzFinding) []FuzzChange {
	type key struct{ target, file, adapter string }
	byKey := map[key]*FuzzChange{}
	for _, f := range old {
		byKey[key{f.Target, f.File, f.Adapter}] = &FuzzChange{Kind: KindVerdict, Target: f.Target, File: f.File, Adapter: f.Adapter, Old: f.Kind, Detail: f.Detail}
	}
	for _, f := range new {
		k := key{f.Target, f.File, f.Adapter}
		c, ok := byKey[k]
		if !ok {
			c = &FuzzChange{Kind: KindVerdict, Target: f.Target, File: f.File, Adapter: f.Adapter}
			byKey[k] = c
		}
		c.New, c.Detail = f.Kind, f.Detail
	}
	var out []FuzzChange
	for _, c := range byKey {
		if c.Old != c.New {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b FuzzChange) int {
		return cmp.Or(strings.Compare(a.Adapter, b.Adapter), strings.Compare(a.Target, b.Target), strings.Compare(a.File, b.File))
	})
	return out
}

func hasRootCauses(rs []Result) bool {
	return slices.ContainsFunc(rs, func(r Result) bool { return len(r.RootCauses) > 0 })
}

func vectorIDs(d Document) []string {
	ids := make([]string, len(d.Vectors))
	for i, v := range d.Vectors {
		ids[i] = v.ID
	}
	slices.Sort(ids)
	return ids
}

// addedRemoved compares two sorted lists.
func addedRemoved(old, new []string) (added, removed []string) {
	i, j := 0, 0
	for i < len(old) || j < len(new) {
		switch {
		case j == len(new) || i < len(old) && old[i] < new[j]:
			removed = append(removed, old[i])
			i++
		case i == len(old) || new[j] < old[i]:
			added = append(added, new[j])
			j++
		default:
			i++
			j++
		}
	}
	return added, removed
}
