package harness

import (
	"crypto/sha256"
	"testing"
)

// handOffSink keeps the benchmark work from being optimised away.
var handOffSink [sha256.Size]byte

// handOffWork is about a library call's worth of CPU work (some 12 µs),
// with no allocation, so that no garbage collector runs on the other
// processor.
func handOffWork() {
	var b [sha256.Size]byte
	for range 150 {
		handOffSink = sha256.Sum256(append(b[:0], handOffSink[:]...))
	}
}

// BenchmarkHandOffInline is six items of work on the benchmark's
// goroutine: the baseline for BenchmarkHandOffBatch.
func BenchmarkHandOffInline(b *testing.B) {
	for b.Loop() {
		for range 6 {
			handOffWork()
		}
	}
}

// BenchmarkHandOffBatch is the same six items in one Batch, as the
// differential check runs its calls: the difference is one hand-off to a
// pooled goroutine and back. With an idle processor (GOMAXPROCS above 1)
// each of the two wake-ups also wakes an idle thread, which on a virtual
// machine costs an inter-processor interrupt; compare -test.cpu=1,2.
func BenchmarkHandOffBatch(b *testing.B) {
	for b.Loop() {
		Batch(6, 1, 0, func(c *Caller, i int) { handOffWork() })
	}
}
