package harness

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
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
//
// Call is a batch of one: the call runs on a pooled goroutine so that the
// caller can return while it hangs. Code that makes many calls should use
// Batch, which hands off once per batch instead of once per call.
func Call(ctx context.Context, a adapters.Adapter, token string, opts adapters.Options, timeout time.Duration) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f) // no goroutine for what needs no call
	}
	var o adapters.Outcome
	Batch(1, 1, timeout, func(c *Caller, _ int) {
		o = c.Call(ctx, a, token, opts)
	})
	return o
}

// Batch runs item(c, i) for every i in [0, n) on up to workers goroutines
// and returns when every item has finished. An item makes its library calls
// through c.Call, which runs the adapter on the item's own goroutine:
// nothing is handed off per call. Batch's caller is the watchdog: when a
// call has not returned within timeout (zero means DefaultTimeout), that
// call's goroutine is abandoned and a replacement runs the item again from
// its start, answering the calls the item had already made with their
// recorded outcomes and the stuck one with Timeout, then goes on with the
// remaining items. So item must be deterministic in the calls it makes, and
// it must publish its result only after its last call: the abandoned
// goroutine exits (runtime.Goexit, running item's deferred calls) if the
// stuck call ever returns, and never returns into item.
func Batch(n, workers int, timeout time.Duration, item func(c *Caller, i int)) {
	start(n, workers, timeout, item).Wait()
}

// Start is Batch in two halves: it hands the items to their goroutines and
// returns, and Wait is the watchdog that returns when every item has
// finished. Between the two the caller can do work of its own that does
// not depend on the items, such as predicting their outcomes. Wait must be
// called exactly once; nothing an item writes may be read before it
// returns.
//
// Start yields its processor before it returns, so that the first item
// starts at once where the caller ran (its caches warm) and the caller goes
// on on another processor if one is idle: the caller's work then costs the
// batch no wall time. With no processor idle the caller waits its turn,
// which is no slower than Batch.
func Start(n, workers int, timeout time.Duration, item func(c *Caller, i int)) *Running {
	r := start(n, workers, timeout, item)
	// The items' goroutine is this processor's next to run: yielding runs
	// it here, and an idle processor (which readying it has woken) picks
	// up this goroutine from the global queue.
	runtime.Gosched()
	return r
}

func start(n, workers int, timeout time.Duration, item func(c *Caller, i int)) *Running {
	if n <= 0 {
		return nil
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	workers = max(1, min(workers, n))
	b := &Running{n: int64(n), item: item, done: make(chan struct{}), timeout: timeout}
	b.left.Store(int64(n))
	b.callers = b.small[:0]
	for w := range workers {
		c := &b.first // the batch's own allocation holds the first caller
		if w > 0 {
			c = new(Caller)
		}
		c.b, c.replayItem = b, -1
		b.callers = append(b.callers, c)
		idle.get().work <- c
	}
	b.timer = getTimer(timeout)
	return b
}

// Wait watches the batch's calls until every item has finished: see Batch.
// A nil Running, from a Start of no items, has nothing to wait for.
func (b *Running) Wait() {
	if b == nil {
		return
	}
	defer putTimer(b.timer)
	timeout := b.timeout
	for {
		select {
		case <-b.done:
			return
		case <-b.timer.C:
		}
		// One timer for the whole batch, reset only when it fires: the
		// calls themselves pay an atomic store and a compare-and-swap.
		now := monotonic()
		next := timeout
		for _, c := range b.callers {
			s := c.start.Load()
			if s <= 0 {
				continue
			}
			if left := s + int64(timeout) - now; left > 0 {
				next = min(next, time.Duration(left))
				continue
			}
			if !c.start.CompareAndSwap(s, abandoned) {
				continue // it returned just now
			}
			// The abandoned caller wrote its item and history before it
			// published s, and writes nothing after: reading them is safe.
			r := &Caller{
				b:          b,
				replayItem: c.item,
				replay:     append(slices.Clone(c.history), adapters.Outcome{Verdict: adapters.Timeout, Error: fmt.Sprintf("no answer within %s", timeout)}),
			}
			b.callers = append(b.callers, r)
			idle.get().work <- r
		}
		b.timer.Reset(next)
	}
}

// Running is a batch that Start has begun: the state its goroutines share,
// and the watchdog's, which only Wait touches.
type Running struct {
	n       int64
	item    func(*Caller, int)
	timeout time.Duration
	next    atomic.Int64 // the next item to start
	left    atomic.Int64 // items not yet finished
	done    chan struct{}
	// first is the first worker's Caller, and small the storage of the
	// watchdog's list while it is short: one allocation for the common
	// batch of one worker.
	first   Caller
	callers []*Caller
	small   [2]*Caller
	timer   *time.Timer
}

// timers holds stopped watchdog timers for reuse: since Go 1.23 a stopped
// timer delivers nothing stale, so a Reset one is as good as a new one.
var timers sync.Pool

func getTimer(d time.Duration) *time.Timer {
	if t, ok := timers.Get().(*time.Timer); ok {
		t.Reset(d)
		return t
	}
	return time.NewTimer(d)
}

func putTimer(t *time.Timer) {
	t.Stop()
	timers.Put(t)
}

// Caller makes the library calls of one goroutine of a Batch.
type Caller struct {
	b *Running
	// start is when the running call began (monotonic nanoseconds, always
	// positive), 0 between calls, or abandoned once the watchdog has given
	// up on the call. The caller and the watchdog each compare-and-swap it
	// away from a call's start, so exactly one of them ends the call.
	start atomic.Int64
	// item and history are the running item and the outcomes of its calls
	// so far, for a replacement to replay.
	item    int
	history []adapters.Outcome
	// replayItem is the item a replacement runs first (-1: none), and
	// replay the outcomes it answers that item's first calls with.
	replayItem int
	replay     []adapters.Outcome
}

const abandoned = -1

// Call verifies token with a on the calling goroutine, with the same
// outcomes as the package-level Call; the watchdog is the Batch's.
func (c *Caller) Call(ctx context.Context, a adapters.Adapter, token string, opts adapters.Options) adapters.Outcome {
	var o adapters.Outcome
	switch f, lacks := adapters.Lacks(a, opts); {
	case len(c.replay) > 0:
		o, c.replay = c.replay[0], c.replay[1:]
	case lacks:
		o = adapters.NotSupported(f)
	default:
		s := monotonic()
		c.start.Store(s)
		o = verify(ctx, a, token, opts)
		if !c.start.CompareAndSwap(s, 0) {
			// The watchdog gave up on this call and a replacement has
			// answered it with Timeout; this goroutine must not go on.
			runtime.Goexit()
		}
	}
	c.history = append(c.history, o)
	return o
}

// run runs the caller's share of its batch: first the item it replaces,
// then items from the shared counter until none is left.
func (c *Caller) run() {
	b := c.b
	if c.replayItem >= 0 {
		c.runItem(c.replayItem)
	}
	for {
		i := b.next.Add(1) - 1
		if i >= b.n {
			return
		}
		c.runItem(int(i))
	}
}

func (c *Caller) runItem(i int) {
	c.item, c.history = i, c.history[:0]
	c.b.item(c, i)
	c.replay = nil
	if c.b.left.Add(-1) == 0 {
		close(c.b.done)
	}
}

// verify makes one call, turning a panic into an outcome and holding the
// lock of the adapter's package state, if it has any.
func verify(ctx context.Context, a adapters.Adapter, token string, opts adapters.Options) (o adapters.Outcome) {
	if g, ok := a.(adapters.Global); ok {
		// The lock is taken inside the call's bound: a call stuck while
		// holding it keeps it until it returns (Go cannot take it back), so
		// later calls on the same state wait, and time out within their
		// own bound if it never returns, rather than run unserialised.
		mu := globalLock(g.GlobalState())
		mu.Lock()
		defer mu.Unlock()
	}
	defer func() {
		if r := recover(); r != nil {
			o = adapters.Outcome{Verdict: adapters.Panic, Error: fmt.Sprint(r), Stack: string(debug.Stack())}
		}
	}()
	return a.Verify(ctx, token, opts)
}

// globalLocks holds a mutex per GlobalState key.
var globalLocks sync.Map // string → *sync.Mutex

func globalLock(key string) *sync.Mutex {
	if mu, ok := globalLocks.Load(key); ok {
		return mu.(*sync.Mutex)
	}
	mu, _ := globalLocks.LoadOrStore(key, new(sync.Mutex))
	return mu.(*sync.Mutex)
}

// epoch anchors monotonic, so that a start is positive and fits an int64.
var epoch = time.Now()

func monotonic() int64 { return int64(time.Since(epoch)) + 1 }

// executor is a long-lived goroutine that runs callers' shares of batches.
// Reusing it keeps its grown stack: a fresh goroutine per batch would copy
// its stack several times while a JSON decoder and a signature check
// deepen it, which costs more than a call itself.
type executor struct {
	work chan *Caller
}

func (e *executor) loop() {
	for c := range e.work {
		c.run()
		idle.put(e) // an abandoned caller's goroutine never gets here
	}
}

// pool holds idle executors.
type pool struct {
	mu   sync.Mutex
	free []*executor
}

var idle pool

func (p *pool) get() *executor {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		e := p.free[n-1]
		p.free = p.free[:n-1]
		return e
	}
	e := &executor{work: make(chan *Caller)}
	go e.loop()
	return e
}

func (p *pool) put(e *executor) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, e)
}
