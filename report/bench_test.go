package report

import (
	"io"
	"testing"
)

// BenchmarkRender100k renders results.json, report.md and report.html for
// 100 000 synthetic results: 5 000 vectors × 10 adapters × 2 modes.
// Target: ≤ 2 s and ≤ 300 MB per operation.
func BenchmarkRender100k(b *testing.B) {
	d, err := Build(synthetic(5000, 10))
	if err != nil {
		b.Fatal(err)
	}
	if n := len(d.Results); n != 100_000 {
		b.Fatalf("%d results, want 100000", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Encode(io.Discard, d); err != nil {
			b.Fatal(err)
		}
		if err := WriteMarkdown(io.Discard, d); err != nil {
			b.Fatal(err)
		}
		if err := WriteHTML(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild100k builds the Document of 100 000 synthetic results.
func BenchmarkBuild100k(b *testing.B) {
	in := synthetic(5000, 10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}
