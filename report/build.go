package report

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

var base64Std = base64.StdEncoding

// Input is everything a Document is built from. Only Subjects, Vectors
// and Results are required; a nil Properties, Resources, Fuzz or Timelines means that
// part was not run, while an empty non-nil one means it ran and has nothing
// to show.
type Input struct {
	// Subjects are the adapters run, with their profiles.
	Subjects []conformance.Subject
	// Minters are the minters the properties issued tokens with; their
	// modules join the adapters' in Document.Modules.
	Minters []adapters.Minter
	// Vectors are the vectors run.
	Vectors []vectors.Vector
	// Results are the vector results, as Evaluator.EvaluateAll returns.
	Results []conformance.Result
	// Properties are the rapid property results.
	Properties []conformance.PropertyResult
	// Resources are the resource-exhaustion measurements.
	Resources []conformance.ResourceResult
	// Fuzz are the fuzzing findings.
	Fuzz []conformance.FuzzFinding
	// Timelines are the acceptance timelines, as MeasureTimelines returns.
	Timelines []conformance.Timeline
	// Migrations are the moves from one adapter to another the reports
	// summarise (Document.Migrations); a pair whose adapters were not both
	// run is left out.
	Migrations []MigrationPair
	// VectorsDigest overrides the digest of the embedded vector files.
	VectorsDigest string
	// Go overrides runtime.Version, for tests.
	Go string
	// Selection records the patterns that narrowed the run, if any.
	Selection *Selection
	// Timestamp, when not zero, is written into the Document.
	Timestamp time.Time
}

// Build assembles and sorts a Document. It fails when a result names an
// adapter or vector that is not in the input, or when one appears twice.
func Build(in Input) (Document, error) {
	d := Document{
		Schema: SchemaVersion,
		Suite: Suite{
			Version:       SuiteVersion,
			VectorsDigest: in.VectorsDigest,
			Go:            cmp.Or(in.Go, runtime.Version()),
			Selection:     in.Selection,
		},
	}
	if d.Suite.VectorsDigest == "" {
		digest, err := VectorsDigest(vectors.Files())
		if err != nil {
			return Document{}, err
		}
		d.Suite.VectorsDigest = digest
	}
	if !in.Timestamp.IsZero() {
		d.Suite.Timestamp = in.Timestamp.UTC().Format(time.RFC3339)
	}

	adapterAt := map[string]int{}
	for _, s := range in.Subjects {
		name := s.Adapter.Name()
		if _, dup := adapterAt[name]; dup {
			return Document{}, fmt.Errorf("report: adapter %q listed twice", name)
		}
		adapterAt[name] = 0
		d.Adapters = append(d.Adapters, adapterOf(s))
	}
	slices.SortFunc(d.Adapters, func(a, b Adapter) int { return strings.Compare(a.Name, b.Name) })
	as := make([]adapters.Adapter, 0, len(in.Subjects))
	for _, s := range in.Subjects {
		as = append(as, s.Adapter)
	}
	d.Modules = adapters.Modules(as, in.Minters)
	for i, a := range d.Adapters {
		adapterAt[a.Name] = i
	}

	vectorAt := map[string]int{}
	for _, v := range in.Vectors {
		if _, dup := vectorAt[v.ID]; dup {
			return Document{}, fmt.Errorf("report: vector %q listed twice", v.ID)
		}
		vectorAt[v.ID] = 0
		d.Vectors = append(d.Vectors, vectorOf(v))
	}
	slices.SortFunc(d.Vectors, func(a, b Vector) int { return strings.Compare(a.ID, b.ID) })
	for i, v := range d.Vectors {
		vectorAt[v.ID] = i
	}

	rs := slices.Clone(in.Results)
	conformance.SortResults(rs)
	d.Results = make([]Result, 0, len(rs))
	judged := make(map[string]bool, len(d.Vectors)*len(conformance.Modes))
	for i, r := range rs {
		if i > 0 && rs[i-1].Adapter == r.Adapter && rs[i-1].Vector == r.Vector && rs[i-1].Mode == r.Mode {
			return Document{}, fmt.Errorf("report: result %s %s %s listed twice", r.Adapter, r.Vector, r.Mode)
		}
		ai, ok := adapterAt[r.Adapter]
		if !ok {
			return Document{}, fmt.Errorf("report: result for vector %s names adapter %q, which is not among the subjects", r.Vector, r.Adapter)
		}
		vi, ok := vectorAt[r.Vector]
		if !ok {
			return Document{}, fmt.Errorf("report: result for adapter %s names vector %q, which is not among the vectors", r.Adapter, r.Vector)
		}
		v := &d.Vectors[vi]
		if v.Token == "" {
			v.Token = r.Token
		}
		if key := r.Key(); !judged[key] {
			judged[key] = true
			v.RFC = append(v.RFC, ModeJudgement{Mode: r.Mode, Verdict: r.RFC.Verdict, Classes: r.RFC.Classes, Reasons: r.RFC.Reasons})
		}
		res := resultOf(r)
		d.Results = append(d.Results, res)
		d.Adapters[ai].Score.add(res)
	}
	for i := range d.Adapters {
		d.Adapters[i].Score.Vectors = len(d.Vectors)
	}
	for i := range d.Vectors {
		slices.SortFunc(d.Vectors[i].RFC, func(a, b ModeJudgement) int { return cmp.Compare(modeIndex(a.Mode), modeIndex(b.Mode)) })
	}

	addRootCauses(&d, profileSummaries(in.Subjects))
	var err error
	if d.Migrations, err = migrationSummaries(d, in.Migrations); err != nil {
		return Document{}, err
	}
	d.Properties = sortedProperties(in.Properties)
	d.Resources = sortedResources(in.Resources)
	d.Fuzz = sortedFuzz(in.Fuzz)
	if in.Timelines != nil {
		d.Timelines = slices.Clone(in.Timelines)
		conformance.SortTimelines(d.Timelines)
		for _, tl := range d.Timelines {
			if _, ok := adapterAt[tl.Adapter]; !ok {
				return Document{}, fmt.Errorf("report: timeline %s names adapter %q, which is not among the subjects", tl.Setting, tl.Adapter)
			}
		}
	}
	return d, nil
}

func adapterOf(s conformance.Subject) Adapter {
	a := Adapter{
		Name:       s.Adapter.Name(),
		Module:     s.Adapter.Module(),
		Deviations: make([]Deviation, 0, len(s.Profile.Deviations)),
	}
	if s.Profile.Record != nil {
		a.RecordedWith = s.Profile.Record.Module
	}
	for _, ref := range s.Profile.Deviations {
		a.Deviations = append(a.Deviations, Deviation{ID: ref.ID, Summary: presetSummary(s.Profile, ref.ID), Reason: ref.Reason})
	}
	slices.SortFunc(a.Deviations, func(x, y Deviation) int { return strings.Compare(x.ID, y.ID) })
	for _, p := range s.Profile.Parameters {
		a.Parameters = append(a.Parameters, Parameter{Name: p.Name, Value: p.Value, Reason: p.Reason})
	}
	slices.SortFunc(a.Parameters, func(x, y Parameter) int {
		return cmp.Or(strings.Compare(x.Name, y.Name), strings.Compare(x.Value, y.Value))
	})
	return a
}

func vectorOf(v vectors.Vector) Vector {
	out := Vector{
		ID:      v.ID,
		Topic:   strings.TrimSuffix(v.File, ".json"),
		Comment: v.Comment,
		Clause:  v.RFC,
		Now:     cmp.Or(v.NowText, vectors.FormatTime(v.Now)),
		Leeway:  v.Leeway.String(),
		Require: append([]adapters.Claim{}, v.Require...),
		Flags:   append([]string{}, v.Flags...),
		RFC:     []ModeJudgement{},
	}
	if v.MaxAge > 0 {
		out.MaxAge = v.MaxAge.String()
	}
	if v.MaxLifetime > 0 {
		out.MaxLifetime = v.MaxLifetime.String()
	}
	if utf8.Valid(v.Payload) {
		p := string(v.Payload)
		out.Payload = &p
	} else {
		out.PayloadBase64 = base64Std.EncodeToString(v.Payload)
	}
	slices.Sort(out.Flags)
	return out
}

func resultOf(r conformance.Result) Result {
	return Result{
		Adapter:    r.Adapter,
		Vector:     r.Vector,
		Mode:       r.Mode,
		Alg:        r.Alg,
		Verdict:    r.Outcome.Verdict,
		Class:      r.Outcome.Class,
		Error:      r.Outcome.Error,
		RFC:        r.RFC.Verdict,
		Profile:    r.Profile.Verdict,
		Severity:   r.Severity,
		RootCauses: r.RootCauses,
		Explained:  r.Explained,
	}
}

func modeIndex(m conformance.Mode) int {
	if i := slices.Index(conformance.Modes, m); i >= 0 {
		return i
	}
	return len(conformance.Modes)
}

// sortedProperties copies ps sorted by adapter, property and mode, keeping
// nil (not run) apart from empty.
func sortedProperties(ps []conformance.PropertyResult) []conformance.PropertyResult {
	if ps == nil {
		return nil
	}
	out := slices.Clone(ps)
	conformance.SortPropertyResults(out)
	return out
}

// sortedResources copies rs sorted by adapter and shape.
func sortedResources(rs []conformance.ResourceResult) []conformance.ResourceResult {
	if rs == nil {
		return nil
	}
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b conformance.ResourceResult) int {
		return cmp.Or(strings.Compare(a.Adapter, b.Adapter), strings.Compare(a.Shape, b.Shape))
	})
	return out
}

// sortedFuzz copies fs sorted by target, file and adapter.
func sortedFuzz(fs []conformance.FuzzFinding) []conformance.FuzzFinding {
	if fs == nil {
		return nil
	}
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b conformance.FuzzFinding) int {
		return cmp.Or(strings.Compare(a.Target, b.Target), strings.Compare(a.File, b.File), strings.Compare(a.Adapter, b.Adapter))
	})
	return out
}
