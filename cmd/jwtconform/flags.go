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

// newFlags is a flag set for command name that reports errors instead of
// printing them; parseFlags turns them into one line or the command's help.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// helpText is the result of -h, -help or --help: the command's usage, for
// stdout and exit status 0.
type helpText struct{ text string }

func (h *helpText) Error() string { return "help requested" }

// Unwrap lets errors.Is(err, flag.ErrHelp) hold, as for the flag package's
// own help error.
func (h *helpText) Unwrap() error { return flag.ErrHelp }

// parseFlags parses args, allowing flags after the positional arguments
// ("verify TOKEN -now 5"), and returns the positional arguments. A bad
// flag is a usage error that points at the command's -h; -h itself returns
// the command's usage as a *helpText.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, &helpText{commandUsage(fs)}
			}
			return nil, fmt.Errorf("%w: %s: %v (see 'jwtconform %s -h')", errUsage, fs.Name(), err, fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// commandUsage is the -h text of the command fs belongs to: its synopsis,
// its summary and every flag with its default. The flag package's own
// PrintDefaults leaves out zero defaults (false, 0, ""), which hides what
// a flag does when it is not given.
func commandUsage(fs *flag.FlagSet) string {
	var b strings.Builder
	if c, ok := lookup(fs.Name()); ok {
		fmt.Fprintf(&b, "usage: %s\n\n%s\n", c.synopsis, wrap(upperFirst(c.summary)+". "+c.detail, 76, "\n"))
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\nFlags:\n")
	}
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(&b, "  -%s", f.Name)
		if arg != "" {
			fmt.Fprintf(&b, " %s", arg)
		}
		if d := defaultText(f, usage); d != "" {
			usage += fmt.Sprintf(" (default %s)", d)
		}
		fmt.Fprintf(&b, "\n    \t%s\n", wrap(usage, 64, "\n    \t"))
	})
	return b.String()
}

// defaultText is how commandUsage shows f's default: quoted for a string,
// "none" for an empty one, and nothing when the usage already says what
// happens without the flag.
func defaultText(f *flag.Flag, usage string) string {
	if strings.Contains(usage, "default") || strings.Contains(usage, "required") {
		return ""
	}
	if g, ok := f.Value.(flag.Getter); ok {
		if _, isString := g.Get().(string); isString {
			if f.DefValue == "" {
				return "none"
			}
			return fmt.Sprintf("%q", f.DefValue)
		}
	}
	return f.DefValue
}

// wrap breaks s into lines of at most width bytes where it can, joined by
// sep.
func wrap(s string, width int, sep string) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), sep)
}

// upperFirst capitalises the first letter of an ASCII sentence.
func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// checkTimeout rejects a -timeout that would time out every call at once.
func checkTimeout(d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("%w: -timeout %s: want a positive duration, such as 2s", errUsage, d)
	}
	return nil
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
	// maxAge and maxLifetime are the policies outside RFC 7519 that
	// only some libraries express; zero for none.
	maxAge      time.Duration
	maxLifetime time.Duration
	json        bool
	adapter     string
	timeout     time.Duration
}

func (c *clockFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.now, "now", "", "clock as decimal `SECONDS` since the epoch, such as 1700000000.5 (default: the current time, in whole seconds)")
	fs.DurationVar(&c.leeway, "leeway", 0, "leeway passed to every library, a `DURATION` such as 30s (default: none; without it and -require, each library's defaults apply)")
	fs.StringVar(&c.require, "require", "", "`CLAIMS` that must be present, comma-separated: exp,nbf,iat (default: none; without it and -leeway, each library's defaults apply)")
	fs.DurationVar(&c.maxAge, "max-age", 0, "maximum token age, a `DURATION`: iat must be present and now - iat <= max age + leeway; a policy outside RFC 7519 that libraries without the option answer unsupported (default: none)")
	fs.DurationVar(&c.maxLifetime, "max-lifetime", 0, "maximum token lifetime, a `DURATION`: exp and iat must be present and exp - iat <= max lifetime + leeway; a policy outside RFC 7519 (default: none)")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	fs.StringVar(&c.adapter, "adapter", "*", "adapters to ask: a `PATTERN` over their names, such as 'go-jose/*'")
	fs.DurationVar(&c.timeout, "timeout", harness.DefaultTimeout, "bound on one library call, a positive `DURATION`")
}

// check builds the conformance check the flags describe: the explicit mode
// when -leeway, -require, -max-age or -max-lifetime was given, the
// defaults mode otherwise.
func (c *clockFlags) check(fs *flag.FlagSet) (oracle.Query, error) {
	var chk oracle.Query
	if err := checkTimeout(c.timeout); err != nil {
		return chk, err
	}
	nowSet := false
	fs.Visit(func(f *flag.Flag) { nowSet = nowSet || f.Name == "now" })
	if nowSet && strings.TrimSpace(c.now) == "" {
		// An empty -now is most often an unset shell variable; reading it as
		// "the current time" would hide that.
		return chk, fmt.Errorf("%w: -now is empty: want decimal seconds since the epoch, or leave -now out for the current time", errUsage)
	}
	if !nowSet {
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
	var perr error
	for _, d := range []struct {
		name string
		v    time.Duration
		to   *time.Duration
	}{{"max-age", c.maxAge, &chk.MaxAge}, {"max-lifetime", c.maxLifetime, &chk.MaxLifetime}} {
		fs.Visit(func(f *flag.Flag) {
			if f.Name == d.name && d.v <= 0 && perr == nil {
				perr = fmt.Errorf("%w: -%s %s is not positive (leave it out for none)", errUsage, d.name, d.v)
			}
		})
		*d.to = d.v
	}
	if perr != nil {
		return chk, perr
	}
	explicit := len(chk.Require) > 0 || chk.MaxAge > 0 || chk.MaxLifetime > 0
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
