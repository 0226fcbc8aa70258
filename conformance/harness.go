package conformance

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
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
	w := idle.get()
	w.jobs <- job{ctx: ctx, a: a, token: token, opts: opts}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-w.done:
		idle.put(w)
		return o
	case <-timer.C:
		// The worker stays busy with the stuck call; it is never reused.
		close(w.jobs)
		return adapters.Outcome{Verdict: adapters.Timeout, Error: fmt.Sprintf("no answer within %s", timeout)}
	}
}

// job is one library call handed to a worker.
type job struct {
	ctx   context.Context
	a     adapters.Adapter
	token string
	opts  adapters.Options
}

// worker is a long-lived goroutine that runs library calls. Reusing it
// keeps its grown stack: a fresh goroutine per call would copy its stack
// several times while a JSON decoder and a signature check deepen it, which
// costs more than the call itself.
type worker struct {
	jobs chan job
	done chan adapters.Outcome
}

func newWorker() *worker {
	w := &worker{jobs: make(chan job), done: make(chan adapters.Outcome, 1)}
	go w.loop()
	return w
}

func (w *worker) loop() {
	for j := range w.jobs {
		w.done <- run(j)
	}
}

// run makes one call, turning a panic into an outcome.
func run(j job) (o adapters.Outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = adapters.Outcome{Verdict: adapters.Panic, Error: fmt.Sprint(r), Stack: string(debug.Stack())}
		}
	}()
	return j.a.Verify(j.ctx, j.token, j.opts)
}

// pool holds idle workers.
type pool struct {
	mu   sync.Mutex
	free []*worker
}

var idle pool

func (p *pool) get() *worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		w := p.free[n-1]
		p.free = p.free[:n-1]
		return w
	}
	return newWorker()
}

func (p *pool) put(w *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, w)
}
