// Command jwtconform runs the JWT time-claim conformance suite against the
// built-in adapters, writes the comparison report, and judges single
// tokens.
//
// Usage:
//
//	jwtconform [run] [-out DIR] [-adapter PATTERN] [-vectors PATTERN] [-fail-on CONDITIONS] [-q] [flags]
//	jwtconform check -payload JSON|@FILE [-now SECONDS] [-leeway DURATION] [-require exp,nbf,iat] [-json] [flags]
//	jwtconform verify -key FILE [-now SECONDS] [-leeway DURATION] [-require exp,nbf,iat] [-json] [flags] TOKEN
//	jwtconform diff [-md|-json] OLD.json NEW.json
//	jwtconform diff -adapters [-md|-json] FROM TO [results.json]
//	jwtconform gate -module PATH -version VERSION [-from VERSION | -baseline FILE] [-md] [flags]
//	jwtconform history -module PATH [-out DIR] [-md FILE] [flags] VERSION...
//	jwtconform list adapters|vectors
//	jwtconform profile -adapter NAME [-vectors PATTERN]
//
// 'jwtconform <command> -h' lists a command's flags with their defaults.
// Bad input gives one line on stderr and exit status 2; run exits 1 when a
// -fail-on condition is met (by default an unexplained result or one that
// differs from the record), diff and gate when a verdict or grade changed,
// gate 3 when the suite does not build against the version; any other
// failure exits 1.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
)

// errUsage marks an error caused by the command line or its input files,
// for exit status 2.
var errUsage = errors.New("usage")

// errChanged is diff's way to ask for exit status 1 with nothing on stderr.
var errChanged = errors.New("verdicts changed")

// wallClock is the clock check and verify default to and run's progress
// measures elapsed time by; tests replace it.
var wallClock = time.Now

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand.
type command struct {
	name string
	// synopsis is the command line shape its -h prints first.
	synopsis string
	// summary is its one line in the global usage.
	summary string
	// detail follows the summary in its -h text.
	detail string
	// run carries out the command. stderr is for progress and notes only:
	// errors are returned, and run prints them.
	run func(args []string, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order the global usage shows them.
// It is filled in init, since the commands look themselves up here for
// their -h text.
var commands []command

func init() {
	commands = []command{
		{"run", "jwtconform [run] [flags]",
			"run every vector through every adapter and write the reports (the default command)",
			"Writes results.json, report.md and report.html into -out and prints the scoreboard. While it runs, each stage's progress is shown on stderr when stderr is a terminal (-q turns it off). " +
				"Exit status 1, once the reports are written, when a -fail-on condition is met (by default: a result the adapter's profile does not explain, or a vector outcome that differs from the adapter's record, as go test fails on), listing up to 10 items per condition; 0 otherwise, and with -fail-on never.",
			runSuite},
		{"check", "jwtconform check -payload JSON|@FILE [flags]",
			"sign a claims set with the harness key; show how every adapter and the RFC judge it",
			"Each adapter verifies the claims signed with the algorithm the harness uses for it (HS256, or RS256 for a library that verifies only asymmetric algorithms), or with -alg for all. With -leeway or -require the options go through each library (the explicit mode); without both, each library runs with its defaults. A claims set that is not valid JSON is judged like any other.",
			checkPayload},
		{"verify", "jwtconform verify -key FILE [flags] TOKEN|@FILE",
			"check a token signed by someone else, then show how every adapter and the RFC judge it",
			"FILE is an HMAC secret (its exact bytes), a JWK or JWK set, or a PEM public key or certificate. An adapter that cannot verify the token's algorithm is unsupported.",
			verifyToken},
		{"diff", "jwtconform diff [-md|-json] OLD.json NEW.json\n       jwtconform diff -adapters [-md|-json] FROM TO [results.json]",
			"list what changed between two results.json files, or between two adapters, by adapter and root cause",
			diffDetail, diffResults},
		{"gate", "jwtconform gate -module PATH -version VERSION [flags]",
			"run the suite against another version of one library and list the outcomes that changed",
			"Builds the suite of the checkout (-src) with a temporary copy of its go.mod and go.sum requiring that version (go get -modfile), runs it, and diffs its results.json against the checkout's own version (or -from, or -baseline). The checkout's go.mod and go.sum are not touched; the module proxy must be reachable unless the module cache holds the version. Exit status 0 when no verdict changed, 1 when one did, 2 on bad input or an unreachable proxy, 3 when the suite does not build against the version (the compiler's first lines are printed).",
			gateVersion},
		{"history", "jwtconform history -module PATH [flags] VERSION...",
			"run the suite against each of several versions of one library and write the timeline of what changed in which release",
			"Give the versions in release order. Each version's reports go to -out/VERSION; the timeline (Markdown) goes to stdout or -md. A version the suite does not build against is a row of the timeline, not an error.",
			history},
		{"list", "jwtconform list adapters|vectors",
			"list the built-in adapters or the embedded vectors", "", list},
		{"profile", "jwtconform profile -adapter NAME [flags]",
			"propose a profile for one adapter: the presets that explain its outcomes",
			"Prints the profile on stdout, its reasons still to be written, and on stderr how many outcomes it explains.",
			proposeProfile},
	}
}

// lookup returns the command called name.
func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// globalUsage is printed for -h and help: one line per command, and where
// the flags are.
func globalUsage(w io.Writer) {
	fmt.Fprint(w, "jwtconform: how Go JWT libraries treat the time claims of RFC 7519\n\nUsage: jwtconform <command> [flags] [arguments]\n\nCommands:\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	fmt.Fprintf(tw, "  %s\t%s\n", "help", "print this text; 'help <command>' prints that command's flags")
	tw.Flush()
	fmt.Fprint(w, `
Run 'jwtconform <command> -h' for a command's flags and their defaults.
Patterns are globs: '*' matches any run of characters, commas separate
alternatives ('golang-jwt/*,jwx/*').

Exit status: 0 on success; 1 when run meets a -fail-on condition (by
default a result its profile does not explain or an outcome that differs
from the record; the reports are written all the same), when diff or gate
finds a changed verdict or grade (diff -adapters is informational and
exits 0), or on a failure that is not the input's
fault; 2 on bad input (an unknown command or flag, a bad value, an
unreadable file, a results.json or key that does not parse, an -out
folder that is not writable, a version the module proxy does not have, a
module proxy that cannot be reached); 3 when gate's version of the
library does not build with the suite.
`)
}

// isHelp reports whether arg asks for help, as the flag package reads it.
func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help" || arg == "--h"
}

// run dispatches a command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	var err error
	switch {
	case len(args) == 1 && isHelp(args[0]), len(args) == 1 && args[0] == "help":
		globalUsage(stdout)
		return 0
	case len(args) > 1 && args[0] == "help":
		c, ok := lookup(args[1])
		if !ok {
			err = unknownCommand(args[1])
			break
		}
		err = c.run([]string{"-h"}, stdout, stderr)
	default:
		name, rest := "run", args
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			name, rest = args[0], args[1:]
		}
		c, ok := lookup(name)
		if !ok {
			err = unknownCommand(name)
			break
		}
		err = c.run(rest, stdout, stderr)
	}
	var help *helpText
	switch {
	case err == nil:
		return 0
	case errors.As(err, &help):
		fmt.Fprint(stdout, help.text)
		return 0
	case errors.Is(err, flag.ErrHelp):
		globalUsage(stdout)
		return 0
	case errors.Is(err, errChanged):
		return 1
	case errors.Is(err, errBuildFailed):
		return 3
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "jwtconform:", strings.TrimPrefix(oneLine(err.Error()), "usage: "))
		return 2
	}
	fmt.Fprintln(stderr, "jwtconform:", oneLine(err.Error()))
	return 1
}

// unknownCommand is the error for a command name that names none.
func unknownCommand(name string) error {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return fmt.Errorf("%w: unknown command %q (want %s; see 'jwtconform -h')", errUsage, name, strings.Join(names, ", "))
}

// oneLine keeps a message on one line of stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
