package fuzz

import (
	"context"
	"testing"
)

// FuzzClaims is the robustness target over arbitrary claims-set bytes: the
// harness signs them, so they reach every library's claims parser. It
// fails only on a panic, a timeout or an allocation blow-up.
func FuzzClaims(f *testing.F) {
	for _, p := range SeedPayloads() {
		f.Add(p)
	}
	subjects, err := Subjects()
	if err != nil {
		f.Fatal(err)
	}
	p := NewProber(subjects)
	f.Fuzz(func(t *testing.T, payload []byte) {
		Report(t, "Claims", p.CheckClaims(context.Background(), payload))
	})
}
