package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

// list prints the built-in adapters or the embedded vectors.
func list(args []string, out, _ io.Writer) error {
	fs := newFlags("list")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("list", pos, 1, "adapters or vectors"); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	switch pos[0] {
	case "adapters":
		subjects, err := conformance.Subjects(all.Adapters())
		if err != nil {
			return err
		}
		fmt.Fprintln(tw, "ADAPTER\tMODULE\tDEVIATIONS\tDEPRECATED")
		for _, s := range subjects {
			note, ok := adapters.DeprecationNote(s.Adapter)
			if !ok {
				note = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", s.Adapter.Name(), s.Adapter.Module(), len(s.Profile.Deviations), note)
		}
	case "vectors":
		fmt.Fprintln(tw, "VECTOR\tEXPECT\tCOMMENT")
		for _, v := range vectors.All() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", v.ID, v.Expect, v.Comment)
		}
	default:
		return fmt.Errorf("%w: list: unknown list %q (want adapters or vectors)", errUsage, pos[0])
	}
	return tw.Flush()
}
