package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/fuzz"
	"github.com/jwtconform/jwtconform/report"
	"github.com/jwtconform/jwtconform/resource"
)

// resourceSweeps names the token sizes of -resources. Allocation figures
// vary in their third significant digit between runs (Go seeds its maps
// at random), so the sweep is off by default to keep results.json
// byte-identical across runs.
var resourceSweeps = map[string][]int{
	"off":   nil,
	"quick": resource.QuickResourceSizes,
	"full":  resource.DefaultResourceSizes,
}

// sections are the optional parts of a run besides the vectors.
type sections struct {
	properties bool
	resources  string
	fuzz       bool
	timelines  bool
	// stage reports each section's progress; nil reports nothing.
	stage stageFunc
}

// validate rejects a -resources value that names no sweep.
func (s sections) validate() error {
	if _, ok := resourceSweeps[s.resources]; !ok {
		return fmt.Errorf("%w: -resources %q: want off, quick (1 KB to 16 KB, seconds) or full (1 KB to 10 MB, minutes)", errUsage, s.resources)
	}
	return nil
}

// begin starts the stage called name on s.stage.
func (s sections) begin(name string) func(done, total int) {
	if s.stage == nil {
		return func(int, int) {}
	}
	return s.stage(name)
}

// fill runs the selected sections and puts their results into in. A
// section that is not run stays nil, which the report shows as not run.
func (s sections) fill(ctx context.Context, in *report.Input, as []adapters.Adapter, timeout time.Duration) error {
	if s.properties {
		in.Minters = all.Minters()
		// The command links no rapid: go test checks the laws and records
		// them; the run reports the records and replays their counterexamples.
		step := s.begin("properties")
		step(0, 1)
		in.Properties = conformance.RecordedProperties(ctx, in.Subjects, timeout)
		step(1, 1)
	}
	if sizes := resourceSweeps[s.resources]; sizes != nil {
		in.Resources = measureResources(ctx, as, sizes, s.begin("resources"))
	}
	if s.timelines {
		ts, err := conformance.MeasureTimelines(ctx, in.Subjects, timeout)
		if err != nil {
			return err
		}
		in.Timelines = ts
	}
	if s.fuzz {
		step := s.begin("fuzz corpus")
		total, err := corpusFiles(fuzz.Committed())
		if err != nil {
			return err
		}
		step(0, total)
		fs, err := fuzz.Findings(ctx, fuzz.Committed())
		if err != nil {
			return err
		}
		step(total, total)
		in.Fuzz = selectFindings(fs, as)
	}
	return nil
}

// selectFindings keeps the findings of the selected adapters and those
// that name none (the oracle's).
func selectFindings(fs []conformance.FuzzFinding, as []adapters.Adapter) []conformance.FuzzFinding {
	keep := map[string]bool{"": true, "oracle": true}
	for _, a := range as {
		keep[a.Name()] = true
	}
	out := []conformance.FuzzFinding{}
	for _, f := range fs {
		if keep[f.Adapter] {
			out = append(out, f)
		}
	}
	return out
}
