package conformance_test

import (
	"context"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
)

// typicalPayload is a claims set as an issuer mints it.
var typicalPayload = []byte(`{"iss":"https://issuer.example","sub":"alice","aud":"api","iat":1699999940,"nbf":1699999940,"exp":1700003600,"jti":"a1b2c3"}`)

var typicalCheck = oracle.Query{Now: time.Unix(1700000000, 0)}

// BenchmarkDirect is each adapter's Verify called directly: the cost of the
// library itself, the baseline for BenchmarkHarness.
func BenchmarkDirect(b *testing.B) {
	benchAdapters(b, func(a adapters.Adapter, token string, opts adapters.Options) {
		a.Verify(context.Background(), token, opts)
	})
}

// BenchmarkHarness is the same call through harness.Call, a batch of
// one with its hand-off to a pooled goroutine, panic recovery and timeout.
func BenchmarkHarness(b *testing.B) {
	benchAdapters(b, func(a adapters.Adapter, token string, opts adapters.Options) {
		harness.Call(context.Background(), a, token, opts, harness.DefaultTimeout)
	})
}

// BenchmarkHarnessBatch is the same call made by harness.Batch, as the
// runner makes it: every call of the benchmark in one batch on one
// goroutine, with panic recovery and the watchdog. The target is at most
// 1.10x BenchmarkDirect.
func BenchmarkHarnessBatch(b *testing.B) {
	ctx := context.Background()
	forEachAdapter(b, func(b *testing.B, a adapters.Adapter, token string, opts adapters.Options) {
		harness.Batch(b.N, 1, harness.DefaultTimeout, func(c *harness.Caller, _ int) {
			c.Call(ctx, a, token, opts)
		})
	})
}

// benchAdapters runs verify on the typical token, a sub-benchmark per
// adapter.
func benchAdapters(b *testing.B, verify func(adapters.Adapter, string, adapters.Options)) {
	forEachAdapter(b, func(b *testing.B, a adapters.Adapter, token string, opts adapters.Options) {
		for b.Loop() {
			verify(a, token, opts)
		}
	})
}

// forEachAdapter runs bench as a sub-benchmark per adapter, on the typical
// token signed with the adapter's algorithm.
func forEachAdapter(b *testing.B, bench func(*testing.B, adapters.Adapter, string, adapters.Options)) {
	for _, a := range all.Adapters() {
		token, key, err := conformance.Sign(a, typicalPayload)
		if err != nil {
			b.Fatal(err)
		}
		opts := conformance.OptionsFor(typicalCheck, key)
		b.Run(a.Name(), func(b *testing.B) {
			b.ReportAllocs()
			bench(b, a, token, opts)
		})
	}
}

// BenchmarkOracle judges a typical payload: the target is at most 2 µs.
func BenchmarkOracle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		oracle.Judge(typicalPayload, typicalCheck)
	}
}
