package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

// runSuite runs every selected vector through every selected adapter and
// prints a per-adapter summary.
func runSuite(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	adapterPat := fs.String("adapter", "*", "glob over adapter names, such as 'golang-jwt/*'")
	vectorPat := fs.String("vectors", "*", "glob over vector ids, such as 'exp-boundary/*'")
	timeout := fs.Duration("timeout", conformance.DefaultTimeout, "bound on one library call")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: run: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: run: unexpected argument %q", errUsage, fs.Arg(0))
	}
	as, err := selectAdapters(*adapterPat)
	if err != nil {
		return err
	}
	vs, err := selectVectors(*vectorPat)
	if err != nil {
		return err
	}
	subjects, err := conformance.Subjects(as)
	if err != nil {
		return err
	}
	results, err := conformance.Evaluator{Timeout: *timeout}.EvaluateAll(context.Background(), subjects, vs)
	if err != nil {
		return err
	}
	return printSummary(out, as, len(vs), results)
}

func selectAdapters(pattern string) ([]adapters.Adapter, error) {
	var out []adapters.Adapter
	for _, a := range all.Adapters() {
		if globMatch(pattern, a.Name()) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: -adapter %q matches no adapter (see 'jwtconform list adapters')", errUsage, pattern)
	}
	return out, nil
}

func selectVectors(pattern string) ([]vectors.Vector, error) {
	var out []vectors.Vector
	for _, v := range vectors.All() {
		if globMatch(pattern, v.ID) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: -vectors %q matches no vector", errUsage, pattern)
	}
	return out, nil
}

// printSummary writes one line per adapter: how many results agree with
// the RFC, the departures by severity, and what the profile leaves
// unexplained.
func printSummary(out io.Writer, as []adapters.Adapter, nVectors int, results []conformance.Result) error {
	type tally struct {
		agree, unsupported, unexplained int
		sev                             map[conformance.Severity]int
	}
	t := map[string]*tally{}
	for _, a := range as {
		t[a.Name()] = &tally{sev: map[conformance.Severity]int{}}
	}
	for _, r := range results {
		x := t[r.Adapter]
		switch {
		case r.Outcome.Verdict == "unsupported":
			x.unsupported++
		case r.Severity == conformance.None:
			x.agree++
		}
		x.sev[r.Severity]++
		if !r.Explained {
			x.unexplained++
		}
	}
	fmt.Fprintf(out, "%d vectors x 2 modes per adapter\n\n", nVectors)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ADAPTER\tMODULE\tAGREE\tSECURITY\tINTEROP\tINFO\tUNSUPPORTED\tUNEXPLAINED")
	for _, a := range as {
		x := t[a.Name()]
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\n", a.Name(), a.Module(), x.agree,
			x.sev[conformance.Security], x.sev[conformance.Interop], x.sev[conformance.Info], x.unsupported, x.unexplained)
	}
	return tw.Flush()
}

// globMatch matches name against a shell-style pattern in which '*' spans
// any run of characters, slashes included, and '?' one character; a
// comma separates alternatives ("golang-jwt/*,jwx/*").
func globMatch(pattern, name string) bool {
	for _, alt := range strings.Split(pattern, ",") {
		var re strings.Builder
		re.WriteString("^")
		for _, r := range alt {
			switch r {
			case '*':
				re.WriteString(".*")
			case '?':
				re.WriteString(".")
			default:
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		re.WriteString("$")
		if regexp.MustCompile(re.String()).MatchString(name) {
			return true
		}
	}
	return false
}
