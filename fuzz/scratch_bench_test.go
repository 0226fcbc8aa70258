package fuzz

import (
	"context"
	"testing"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
)

func BenchmarkScratchInline(b *testing.B) {
	subjects, _ := Subjects()
	d := Differential{Subjects: subjects}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		ps := &payloadSigner{payload: benchPayload}
		pr := conformance.NewPredictor(benchPayload)
		cl := &harness.Caller{}
		for i := range d.Subjects {
			a, err := d.check(ctx, cl, pr, ps, d.Subjects[i], "Differential", benchPayload, benchQuery)
			if a != nil || err != nil {
				b.Fatal(a, err)
			}
		}
	}
}

func BenchmarkScratchNoPredict(b *testing.B) {
	subjects, _ := Subjects()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		ps := &payloadSigner{payload: benchPayload}
		harness.Batch(len(subjects), 1, 0, func(cl *harness.Caller, i int) {
			token, key, _ := ps.sign(subjects[i].Adapter)
			cl.Call(ctx, subjects[i].Adapter, token, conformance.OptionsFor(benchQuery, key))
		})
	}
}
