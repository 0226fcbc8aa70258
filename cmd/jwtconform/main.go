// Command jwtconform runs the JWT time-claim conformance suite against the
// built-in adapters, writes the comparison report, and judges single
// tokens.
//
// Usage:
//
//	jwtconform [run] [-out DIR] [-adapter PATTERN] [-vectors PATTERN] [-timestamp]
//	jwtconform check -payload JSON|@FILE [-now SECONDS] [-leeway DURATION] [-require exp,nbf,iat] [-json]
//	jwtconform verify -key FILE [-now SECONDS] [-leeway DURATION] [-require exp,nbf,iat] [-json] TOKEN
//	jwtconform diff [-md] OLD.json NEW.json
//	jwtconform list adapters|vectors
//	jwtconform profile -adapter NAME [-vectors PATTERN]
//
// Bad input gives one line on stderr and exit status 2; diff exits 1 when
// a verdict changed.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// errUsage marks an error caused by the command line or its input files,
// for exit status 2.
var errUsage = errors.New("usage")

// errChanged is diff's way to ask for exit status 1 with nothing on stderr.
var errChanged = errors.New("verdicts changed")

// wallClock is the clock check and verify default to; tests replace it.
var wallClock = time.Now

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// commands maps each subcommand to its implementation.
var commands = map[string]func(args []string, stdout io.Writer) error{
	"run":     runSuite,
	"check":   checkPayload,
	"verify":  verifyToken,
	"diff":    diffResults,
	"list":    list,
	"profile": proposeProfile,
}

// usage is printed for -h and help.
const usage = `jwtconform: how Go JWT libraries treat the time claims of RFC 7519

  jwtconform [run] [-out DIR] [-adapter PATTERN] [-vectors PATTERN] [-timestamp]
      run every vector through every adapter; write results.json, report.md
      and report.html to DIR (default ./jwtconform-report)
  jwtconform check -payload JSON|@FILE [-now SECONDS] [-leeway DURATION] [-require exp,nbf,iat] [-json]
      sign a claims set with the harness key and show how every adapter and
      the RFC judge it (without -leeway and -require: each library's defaults)
  jwtconform verify -key FILE [-now SECONDS] [-leeway DURATION] [-require exp,nbf,iat] [-json] TOKEN
      the same for a token signed by someone else; FILE is an HMAC secret
      (its exact bytes), a JWK or JWK set, or a PEM public key or certificate
  jwtconform diff [-md] OLD.json NEW.json
      list every changed outcome; exit status 1 when a verdict changed
  jwtconform list adapters|vectors
  jwtconform profile -adapter NAME [-vectors PATTERN]
      propose a profile for one adapter: the smallest set of presets found
      to explain its outcomes (reasons still to be written), on stdout

Patterns are globs: '*' matches any run of characters, commas separate
alternatives ('golang-jwt/*,jwx/*'). Bad input exits with status 2.
`

// run dispatches a command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	cmd, rest := "run", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	var err error
	if f, ok := commands[cmd]; ok {
		err = f(rest, stdout)
	} else if cmd == "help" {
		fmt.Fprint(stdout, usage)
	} else {
		err = fmt.Errorf("%w: unknown command %q (want run, check, verify, diff, list or profile; see 'jwtconform help')", errUsage, cmd)
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.Is(err, errChanged):
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "jwtconform:", strings.TrimPrefix(oneLine(err.Error()), "usage: "))
		return 2
	}
	fmt.Fprintln(stderr, "jwtconform:", oneLine(err.Error()))
	return 1
}

// oneLine keeps a message on one line of stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
