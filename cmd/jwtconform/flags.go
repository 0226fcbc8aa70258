package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// newFlags is a flag set that reports errors instead of printing them.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, allowing flags after the positional arguments
// ("verify TOKEN -now 5"), and returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// wantArgs checks the number of positional arguments.
func wantArgs(cmd string, got []string, want int, what string) error {
	if len(got) != want {
		return fmt.Errorf("%w: %s: want %s, got %d argument(s)", errUsage, cmd, what, len(got))
	}
	return nil
}

// clockFlags are the options check and verify share: the clock, the
// leeway and the required claims, plus output and adapter selection.
type clockFlags struct {
	now     string
	leeway  time.Duration
	require string
	json    bool
	adapter string
	timeout time.Duration
}

func (c *clockFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.now, "now", "", "clock as decimal seconds since the epoch (default: the current time, in whole seconds)")
	fs.DurationVar(&c.leeway, "leeway", 0, "leeway passed to every library, such as 30s; without it and -require, each library's defaults apply")
	fs.StringVar(&c.require, "require", "", "claims that must be present, comma-separated: exp,nbf,iat")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	fs.StringVar(&c.adapter, "adapter", "*", "glob over adapter names")
	fs.DurationVar(&c.timeout, "timeout", harness.DefaultTimeout, "bound on one library call")
}

// check builds the conformance check the flags describe: the explicit mode
// when -leeway or -require was given, the defaults mode otherwise.
func (c *clockFlags) check(fs *flag.FlagSet) (oracle.Query, error) {
	var chk oracle.Query
	if c.now == "" {
		chk.Now = wallClock().UTC().Truncate(time.Second)
	} else {
		t, err := vectors.ParseTime(c.now)
		if err != nil {
			return chk, fmt.Errorf("%w: -now: %v", errUsage, err)
		}
		chk.Now = t
	}
	if c.leeway < 0 {
		return chk, fmt.Errorf("%w: -leeway %s is negative", errUsage, c.leeway)
	}
	seen := map[adapters.Claim]bool{}
	for _, name := range strings.Split(c.require, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		cl := adapters.Claim(name)
		if cl != adapters.Exp && cl != adapters.Nbf && cl != adapters.Iat {
			return chk, fmt.Errorf("%w: -require: unknown claim %q (want exp, nbf or iat)", errUsage, name)
		}
		if !seen[cl] {
			seen[cl] = true
			chk.Require = append(chk.Require, cl)
		}
	}
	explicit := len(chk.Require) > 0
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "leeway" {
			explicit = true
		}
	})
	if explicit {
		chk.SetLeeway, chk.Leeway = true, c.leeway
	}
	return chk, nil
}
