package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/report"
	"github.com/jwtconform/jwtconform/vectors"
)

// builtinMigrations are the migrations report.md and report.html
// summarise, from the registry.
func builtinMigrations() []report.MigrationPair {
	var out []report.MigrationPair
	for _, m := range all.Migrations() {
		out = append(out, report.MigrationPair{From: m.From, To: m.To})
	}
	return out
}

// diffAdapters prints what changes when an application moves from one
// adapter to another: the two adapters' results on every vector and mode
// of a results.json, or of an in-process run of the two over every
// vector. It is informational: exit status 0 whatever changes.
func diffAdapters(pos []string, format report.DiffFormat, out io.Writer) error {
	if len(pos) != 2 && len(pos) != 3 {
		return fmt.Errorf("%w: diff -adapters: want FROM TO [results.json], got %d argument(s)", errUsage, len(pos))
	}
	from, to := pos[0], pos[1]
	if from == to {
		return fmt.Errorf("%w: diff -adapters: FROM and TO are both %q: name two adapters", errUsage, from)
	}
	var doc report.Document
	if len(pos) == 3 {
		var err error
		if doc, err = readResults(pos[2]); err != nil {
			return err
		}
		m, err := report.Migrate(doc, from, to)
		if err != nil {
			return fmt.Errorf("%w: diff -adapters: %s: %v", errUsage, pos[2], err)
		}
		return report.WriteMigration(out, m, format)
	}
	var as []adapters.Adapter
	for _, name := range []string{from, to} {
		a, ok := builtinAdapter(name)
		if !ok {
			return fmt.Errorf("%w: diff -adapters: no built-in adapter %q (see 'jwtconform list adapters')", errUsage, name)
		}
		as = append(as, a)
	}
	subjects, err := subjectsOf(as)
	if err != nil {
		return err
	}
	vs := vectors.All()
	results, err := evaluate(context.Background(), conformance.Evaluator{Timeout: harness.DefaultTimeout}, subjects, vs, func(int, int) {})
	if err != nil {
		return err
	}
	if doc, err = report.Build(report.Input{Subjects: subjects, Vectors: vs, Results: results}); err != nil {
		return err
	}
	m, err := report.Migrate(doc, from, to)
	if err != nil {
		return err
	}
	return report.WriteMigration(out, m, format)
}

// builtinAdapter returns the built-in adapter called name.
func builtinAdapter(name string) (adapters.Adapter, bool) {
	for _, a := range all.Adapters() {
		if a.Name() == name {
			return a, true
		}
	}
	return nil, false
}
