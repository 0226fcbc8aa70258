package conformance

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// DefaultTimeout bounds one library call unless the caller says otherwise.
const DefaultTimeout = 2 * time.Second

// Call verifies token with a, as the harness does for every test: an
// option the adapter cannot express gives Unsupported without calling it, a
// panic becomes a Panic outcome with its stack, and a call that has not
// returned within timeout becomes Timeout. The stuck call is abandoned, not
// stopped: Go cannot stop a goroutine, so its cost is the finding.
func Call(ctx context.Context, a adapters.Adapter, token string, opts adapters.Options, timeout time.Duration) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	done := make(chan adapters.Outcome, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- adapters.Outcome{Verdict: adapters.Panic, Error: fmt.Sprint(r), Stack: string(debug.Stack())}
			}
		}()
		done <- a.Verify(ctx, token, opts)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o
	case <-timer.C:
		return adapters.Outcome{Verdict: adapters.Timeout, Error: fmt.Sprintf("no answer within %s", timeout)}
	}
}
