// Command jwtconform runs the JWT time-claim conformance suite against the
// built-in adapters and reports how each library departs from RFC 7519.
//
// Usage:
//
//	jwtconform [run] [-adapter PATTERN] [-vectors PATTERN]
//
// Bad input gives one line on stderr and exit status 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// errUsage marks an error caused by the command line, for exit status 2.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	cmd, rest := "run", args
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, rest = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "run":
		err = runSuite(rest, stdout)
	default:
		err = fmt.Errorf("%w: unknown command %q (want run)", errUsage, cmd)
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "jwtconform:", err)
		return 2
	}
	fmt.Fprintln(stderr, "jwtconform:", err)
	return 1
}
