package fuzz

import (
	"context"
	"testing"
)

// FuzzHeader is the robustness target over arbitrary protected headers,
// signed with the claims set by the harness so that header handling is
// reached past the signature check. It fails only on a panic, a timeout or
// an allocation blow-up.
func FuzzHeader(f *testing.F) {
	payloads := SeedPayloads()
	for i, h := range SeedHeaders() {
		f.Add(h, payloads[i%len(payloads)])
	}
	subjects, err := Subjects()
	if err != nil {
		f.Fatal(err)
	}
	p := NewProber(subjects)
	f.Fuzz(func(t *testing.T, header, payload []byte) {
		Report(t, "Header", p.CheckHeader(context.Background(), header, payload))
	})
}
