package fuzz

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/resource"
)

// committed is the corpus committed under testdata/fuzz/: the seeds that
// go test replays and the regressions the fuzzers found.
//
//go:embed testdata/fuzz
var committed embed.FS

// Committed returns the committed corpus, rooted at the directory that
// holds one directory per target.
func Committed() fs.FS {
	sub, err := fs.Sub(committed, "testdata/fuzz")
	if err != nil {
		panic(err) // the directory is embedded
	}
	return sub
}

// corpusRoot is where the committed corpus lives in the repository.
const corpusRoot = "fuzz/testdata/fuzz"

// replay runs one decoded corpus entry through its target's check.
type replay func(ctx context.Context, r *replayer, args []any) ([]Anomaly, error)

// replayer holds what replaying needs across files.
type replayer struct {
	prober *Prober
	diff   Differential
}

// replays maps a target's name, without its "Fuzz" prefix, to the check
// its target runs, so that the reader judges a committed input exactly as
// the target does.
var replays = map[string]replay{
	"Claims": func(ctx context.Context, r *replayer, a []any) ([]Anomaly, error) {
		payload, ok := a[0].([]byte)
		if !ok || len(a) != 1 {
			return nil, errArgs
		}
		return r.prober.CheckClaims(ctx, payload), nil
	},
	"Token": func(ctx context.Context, r *replayer, a []any) ([]Anomaly, error) {
		token, ok := a[0].(string)
		if !ok || len(a) != 1 {
			return nil, errArgs
		}
		return r.prober.CheckToken(ctx, token), nil
	},
	"Header": func(ctx context.Context, r *replayer, a []any) ([]Anomaly, error) {
		if len(a) != 2 {
			return nil, errArgs
		}
		header, ok1 := a[0].([]byte)
		payload, ok2 := a[1].([]byte)
		if !ok1 || !ok2 {
			return nil, errArgs
		}
		return r.prober.CheckHeader(ctx, header, payload), nil
	},
	"Differential": func(ctx context.Context, r *replayer, a []any) ([]Anomaly, error) {
		if len(a) != 5 {
			return nil, errArgs
		}
		payload, ok1 := a[0].([]byte)
		sec, ok2 := a[1].(int64)
		nsec, ok3 := a[2].(uint32)
		leeway, ok4 := a[3].(int64)
		flags, ok5 := a[4].(uint32)
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
			return nil, errArgs
		}
		if len(payload) > MaxInput {
			return nil, nil
		}
		return r.diff.Compare(ctx, "Differential", payload, QueryFrom(sec, nsec, leeway, flags))
	},
	"Oracle": func(_ context.Context, _ *replayer, a []any) ([]Anomaly, error) {
		if len(a) != 3 {
			return nil, errArgs
		}
		payload, ok1 := a[0].([]byte)
		sec, ok2 := a[1].(int64)
		nsec, ok3 := a[2].(uint32)
		if !ok1 || !ok2 || !ok3 {
			return nil, errArgs
		}
		if err := CheckOracle(payload, QueryFrom(sec, nsec, 0, flagSetLeeway)); err != nil {
			return []Anomaly{{Kind: KindUnexplained, Adapter: "oracle", Detail: err.Error()}}, nil
		}
		return nil, nil
	},
}

// The property target's inputs are rapid bitstreams: go test replays
// them, and a failure there is rapid's shrunk counterexample, which the
// property results of the report already carry, so the reader skips them.
func init() {
	replays["Properties"] = func(context.Context, *replayer, []any) ([]Anomaly, error) { return nil, nil }
}

var errArgs = fmt.Errorf("arguments do not fit the target")

// Findings replays every committed corpus file in fsys (one directory per
// target, as Committed returns) through its target's check and returns
// what each one still shows: a crasher or an unexplained divergence, with
// the known finding's reason where one covers it, and, for a differential
// input, each departure from RFC 7519 that a profile deviation now
// explains (Kind "explained"), each with the command that reproduces it.
// Files that show nothing are left out. It runs the libraries, so cmd calls it and hands the result
// to the report.
func Findings(ctx context.Context, fsys fs.FS) ([]conformance.FuzzFinding, error) {
	subjects, err := conformance.Subjects(all.Adapters())
	if err != nil {
		return nil, err
	}
	r := &replayer{prober: NewProber(subjects), diff: Differential{Subjects: subjects}}
	targets, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("fuzz: corpus: %w", err)
	}
	var out []conformance.FuzzFinding
	for _, t := range targets {
		if !t.IsDir() {
			continue
		}
		name := strings.TrimPrefix(t.Name(), "Fuzz")
		run, ok := replays[name]
		if !ok {
			return nil, fmt.Errorf("fuzz: corpus: no target %s in this package", t.Name())
		}
		files, err := fs.ReadDir(fsys, t.Name())
		if err != nil {
			return nil, fmt.Errorf("fuzz: corpus: %w", err)
		}
		for _, f := range files {
			file := path.Join(t.Name(), f.Name())
			b, err := fs.ReadFile(fsys, file)
			if err != nil {
				return nil, fmt.Errorf("fuzz: corpus: %w", err)
			}
			args, err := ParseCorpusFile(b)
			if err != nil {
				return nil, fmt.Errorf("fuzz: corpus: %s: %w", file, err)
			}
			anomalies, err := run(ctx, r, args)
			if err != nil {
				return nil, fmt.Errorf("fuzz: corpus: %s: %w", file, err)
			}
			for _, a := range anomalies {
				out = append(out, finding(t.Name(), f.Name(), a))
			}
			if name == "Differential" && len(args) == 5 {
				deps, err := r.diff.Departures(ctx, args[0].([]byte), QueryFrom(args[1].(int64), args[2].(uint32), args[3].(int64), args[4].(uint32)))
				if err != nil {
					return nil, fmt.Errorf("fuzz: corpus: %s: %w", file, err)
				}
				for _, d := range deps {
					out = append(out, explained(t.Name(), f.Name(), d))
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Adapter < out[j].Adapter
	})
	return out, nil
}

// explained turns a departure that a profile explains into a report
// entry naming the deviations and their reasons.
func explained(target, file string, d Departure) conformance.FuzzFinding {
	var why []string
	for i, name := range d.RootCauses {
		why = append(why, fmt.Sprintf("%s (%s)", name, d.Reasons[i]))
	}
	detail := fmt.Sprintf("%s gave %s where RFC 7519 says %s; explained by profile deviation %s", d.Module, d.Outcome, d.RFC.Verdict, strings.Join(why, "; "))
	if len(why) == 0 {
		detail = fmt.Sprintf("%s gave %s where RFC 7519 says %s; explained by its profile's deviations together", d.Module, d.Outcome, d.RFC.Verdict)
	}
	return conformance.FuzzFinding{
		Target:    target,
		File:      path.Join(corpusRoot, target, file),
		Kind:      KindExplained,
		Adapter:   d.Adapter,
		Detail:    detail,
		Reproduce: fmt.Sprintf("go test -run='^%s$/^%s$' -v ./fuzz", target, file),
	}
}

// finding turns an anomaly of one corpus file into a report entry.
func finding(target, file string, a Anomaly) conformance.FuzzFinding {
	detail := fmt.Sprintf("%s gave %s", a.Module, a.Outcome)
	switch {
	case a.Adapter == "oracle":
		detail = a.Detail
	case a.Kind == KindAlloc:
		// The exact count varies a little between runs; the bound does not.
		detail = fmt.Sprintf("%s allocated past the bound of %d bytes for a %d-byte token (%d per byte + %d)",
			a.Module, AllocBound(a.Bytes), a.Bytes, resource.AllocPerByteBound, AllocSlack)
	}
	if a.Known != nil {
		detail = fmt.Sprintf("known finding %s: %s (%s)", a.Known.ID, detail, a.Known.Reason)
	} else {
		detail += " (not in fuzz/known.json: go test ./fuzz fails on it)"
	}
	return conformance.FuzzFinding{
		Target:    target,
		File:      path.Join(corpusRoot, target, file),
		Kind:      a.Kind,
		Adapter:   a.Adapter,
		Detail:    detail,
		Reproduce: fmt.Sprintf("go test -run='^%s$/^%s$' -v ./fuzz", target, file),
	}
}
