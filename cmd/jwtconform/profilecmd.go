package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

// proposeProfile runs the vectors through one adapter and prints the
// profile inference proposes for it: the smallest set of presets found to
// explain its outcomes, each with a reason still to be written.
func proposeProfile(args []string, out, stderr io.Writer) error {
	fs := newFlags("profile")
	adapter := fs.String("adapter", "", "the adapter to profile: one `NAME` from 'jwtconform list adapters' (required)")
	pattern := fs.String("vectors", "*", "vectors to run: a `PATTERN` over their ids, such as 'exp-boundary/*'")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("profile", pos, 0, "no arguments"); err != nil {
		return err
	}
	if *adapter == "" {
		return fmt.Errorf("%w: profile: -adapter is required", errUsage)
	}
	as, err := selectAdapters(*adapter)
	if err != nil {
		return err
	}
	if len(as) != 1 {
		return fmt.Errorf("%w: profile: -adapter %q matches %d adapters; name one", errUsage, *adapter, len(as))
	}
	var vs []vectors.Vector
	if vs, err = selectVectors(*pattern); err != nil {
		return err
	}
	a := as[0]
	inf := conformance.Infer(conformance.Observe(context.Background(), a, vs, conformance.Evaluator{}), nil)
	p := conformance.Profile{Schema: conformance.ProfileSchema, Adapter: a.Name()}
	for _, d := range inf.Presets {
		p.Deviations = append(p.Deviations, conformance.DeviationRef{ID: d.ID,
			Reason: "TODO: " + d.Summary + ". Cite the RFC clause and the library's source line or issue."})
	}
	if _, err := out.Write(p.Marshal()); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "jwtconform: %d presets explain %d of %d outcomes of %s", len(inf.Presets), inf.Explained, inf.Explained+len(inf.Unexplained), a.Name())
	if n := len(inf.Unexplained); n > 0 {
		fmt.Fprintf(stderr, "; unexplained (%d): %v", n, head(inf.Unexplained, 10))
	}
	fmt.Fprintln(stderr)
	return nil
}

// head is the first n of s, with a count of the rest.
func head(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], fmt.Sprintf("and %d more", len(s)-n))
}
