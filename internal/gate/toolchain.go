package gate

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// Toolchain runs the go command.
type Toolchain struct {
	// Go is the go command; empty means "go" on $PATH.
	Go string
	// Env is added to the environment of every go command, after the
	// process's own; tests set GOPROXY=off here.
	Env []string
}

// goResult is what one go command printed.
type goResult struct {
	stdout, stderr []byte
}

// run runs the go command in dir. Workspace mode is off: -modfile cannot
// be used with a go.work, and the gate must build the checkout alone.
func (t Toolchain) run(ctx context.Context, dir string, args ...string) (goResult, error) {
	name := t.Go
	if name == "" {
		name = "go"
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), t.Env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := goResult{stdout.Bytes(), stderr.Bytes()}
	if err != nil {
		return r, fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err, firstLine(stderr.String()))
	}
	return r, nil
}

// env returns the value of a go environment variable as the go command
// sees it.
func (t Toolchain) env(ctx context.Context, dir, name string) (string, error) {
	r, err := t.run(ctx, dir, "env", name)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(r.stdout)), nil
}

// firstLine is the first line of s that is not blank.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
