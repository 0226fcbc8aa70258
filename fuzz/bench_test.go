package fuzz

import (
	"context"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
)

// benchPayload is a claims set as an issuer mints it.
var benchPayload = []byte(`{"iss":"https://issuer.example","sub":"alice","aud":"api","iat":1699999940,"nbf":1699999940,"exp":1700003600,"jti":"a1b2c3"}`)

// benchQuery is the defaults mode, which every adapter can express, so
// every library is called.
var benchQuery = oracle.Query{Now: time.Unix(1700000000, 0).UTC()}

// BenchmarkDifferentialCheck is one differential fuzz execution on one
// input: signing, every adapter through the harness, and every profile's
// prediction. Compare with BenchmarkDirectCalls: the target is at most
// 1.25x.
func BenchmarkDifferentialCheck(b *testing.B) {
	subjects, err := Subjects()
	if err != nil {
		b.Fatal(err)
	}
	d := Differential{Subjects: subjects}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if as, err := d.Compare(ctx, "Differential", benchPayload, benchQuery); err != nil || len(as) != 0 {
			b.Fatalf("anomalies %v, error %v", as, err)
		}
	}
}

// BenchmarkDirectCalls is the sum of the direct library calls that one
// differential execution makes: each adapter's Verify on a signed token.
func BenchmarkDirectCalls(b *testing.B) {
	subjects, tokens, opts := signedCalls(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range subjects {
			s.Adapter.Verify(ctx, tokens[i], opts[i])
		}
	}
}

// BenchmarkBatchedCalls is BenchmarkDirectCalls made as the differential
// makes them: the six calls in one harness.Batch, with its hand-off to a
// pooled goroutine, panic recovery and watchdog. Against
// BenchmarkDirectCalls it is the price of surviving a call that never
// returns, which a direct call cannot.
func BenchmarkBatchedCalls(b *testing.B) {
	subjects, tokens, opts := signedCalls(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		harness.Batch(len(subjects), 1, 0, func(c *harness.Caller, i int) {
			c.Call(ctx, subjects[i].Adapter, tokens[i], opts[i])
		})
	}
}

// BenchmarkProfilePredictions is the part of BenchmarkDifferentialCheck
// that no library does: each subject's profile predicting the outcome,
// which reads every NumericDate as its library would.
func BenchmarkProfilePredictions(b *testing.B) {
	subjects, err := Subjects()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		pr := conformance.NewPredictor(benchPayload)
		for _, s := range subjects {
			if _, err := pr.Predict(s.Profile, benchQuery); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// signedCalls is the subjects with the token and options of each one's
// call, signed before the benchmark loop.
func signedCalls(b *testing.B) ([]conformance.Subject, []string, []adapters.Options) {
	subjects, err := Subjects()
	if err != nil {
		b.Fatal(err)
	}
	tokens := make([]string, len(subjects))
	opts := make([]adapters.Options, len(subjects))
	for i, s := range subjects {
		token, key, err := conformance.Sign(s.Adapter, benchPayload)
		if err != nil {
			b.Fatal(err)
		}
		tokens[i], opts[i] = token, conformance.OptionsFor(benchQuery, key)
	}
	return subjects, tokens, opts
}
