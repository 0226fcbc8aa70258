package gate

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnreachable is wrapped by the error of a go command that could not
// reach the module proxy (or was told not to, with GOPROXY=off) for a
// module the cache does not hold.
var ErrUnreachable = errors.New("the module proxy is not reachable")

// ErrNotSource is wrapped when the folder given as the source is not a
// jwtconform checkout.
var ErrNotSource = errors.New("not a jwtconform checkout")

// ErrNotDependency is wrapped when the module to change is not required
// by the checkout's go.mod.
var ErrNotDependency = errors.New("not a dependency")

// VersionError is a version the go command could not resolve with the
// proxy reachable: it does not exist, or is retracted or withdrawn.
type VersionError struct {
	// Module and Version are what was asked for.
	Module, Version string
	// Reason is the go command's first line.
	Reason string
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("%s@%s: %s", e.Module, e.Version, e.Reason)
}

// BuildError is the outcome of a version the jwtconform command does not
// compile against.
type BuildError struct {
	// Module and Version are the library version built against.
	Module, Version string
	// Lines are the compiler's first lines, at most MaxBuildLines.
	Lines []string
	// More counts the compiler's lines left out of Lines.
	More int
}

// Report is Lines, followed by a line saying how many were left out.
func (e *BuildError) Report() []string {
	if e.More == 0 {
		return e.Lines
	}
	return append(e.Lines[:len(e.Lines):len(e.Lines)], fmt.Sprintf("... %d more lines", e.More))
}

// MaxBuildLines bounds BuildError.Lines.
const MaxBuildLines = 10

func (e *BuildError) Error() string {
	return fmt.Sprintf("build failure against %s@%s: %s", e.Module, e.Version, strings.Join(e.Lines, "; "))
}

// unreachableMarks are the go command's words for a proxy it could not
// reach. They come from net (dial, DNS, timeouts), crypto/tls and the go
// command's own GOPROXY=off message.
var unreachableMarks = []string{
	"dial tcp", "no such host", "connection refused", "network is unreachable",
	"i/o timeout", "TLS handshake timeout", "connection reset", "Client.Timeout",
	"server misbehaving", "module lookup disabled by GOPROXY=off",
	"temporary failure in name resolution",
}

// unreachable reports whether the go command's stderr says the proxy could
// not be reached.
func unreachable(stderr string) bool {
	s := strings.ToLower(stderr)
	for _, m := range unreachableMarks {
		if strings.Contains(s, strings.ToLower(m)) {
			return true
		}
	}
	return false
}

// compilerLines picks the compiler's first lines out of go build's
// stderr: the package headers ("# path") and the errors, without the
// go command's "go: downloading" progress. It returns at most max lines
// and how many it left out.
func compilerLines(stderr string, max int) (lines []string, more int) {
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimRight(l, " \t\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "go: downloading ") || strings.HasPrefix(l, "go: finding ") {
			continue
		}
		if len(lines) < max {
			lines = append(lines, l)
		} else {
			more++
		}
	}
	return lines, more
}

// goLine is the go command's first line of stderr that is not progress,
// for a one-line error.
func goLine(stderr string) string {
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "go: downloading ") {
			continue
		}
		return l
	}
	return "no output"
}
