package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// add counts one result into the score.
func (s *Score) add(r Result) {
	switch r.Severity {
	case conformance.Security:
		s.Security++
	case conformance.Lenient:
		s.Lenient++
	case conformance.Interop:
		s.Interop++
	case conformance.Policy:
		s.Policy++
	case conformance.Info:
		s.Info++
	}
	if !r.Explained {
		s.Unexplained++
	}
	if r.Verdict == adapters.Unsupported {
		s.Unsupported++
		return
	}
	if r.Severity == conformance.None {
		switch r.Mode {
		case conformance.Explicit:
			s.Agree.Explicit++
		case conformance.Defaults:
			s.Agree.Defaults++
		}
	}
}

// WriteScoreboard writes the per-adapter scoreboard as an aligned text
// table, as `jwtconform run` prints it: agreement per mode, then per
// severity the root causes with the results they explain.
func WriteScoreboard(w io.Writer, d Document) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d vectors x %d modes per adapter (agree: the outcome the RFC requires; per severity: root causes (results))\n\n", len(d.Vectors), len(conformance.Modes))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "ADAPTER\tMODULE\tAGREE EXPLICIT\tAGREE DEFAULTS")
	for _, s := range conformance.Severities {
		fmt.Fprintf(tw, "\t%s", strings.ToUpper(string(s)))
	}
	fmt.Fprintln(tw, "\tUNSUPPORTED\tUNEXPLAINED")
	for _, a := range d.Adapters {
		s := a.Score
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d", a.Name, a.Module, agreeExplicit(d, a), s.Agree.Defaults, s.Vectors)
		for _, sev := range conformance.Severities {
			if n := s.RootCauses.Of(sev); n > 0 {
				fmt.Fprintf(tw, "\t%d (%d)", n, s.results(sev))
			} else {
				fmt.Fprint(tw, "\t-")
			}
		}
		fmt.Fprintf(tw, "\t%d\t%d\n", s.Unsupported, s.Unexplained)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write scoreboard: %w", err)
	}
	return nil
}

// agreeExplicit is an adapter's explicit-mode score as the scoreboards
// write it: "n/a: option not expressible" when no explicit-mode vector
// could run, rather than a 0 that reads as failing every one.
func agreeExplicit(d Document, a Adapter) string {
	if ExplicitUnsupported(d, a.Name) {
		return "n/a: option not expressible"
	}
	return fmt.Sprintf("%d/%d", a.Score.Agree.Explicit, a.Score.Vectors)
}
