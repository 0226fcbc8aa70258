package fuzz

import (
	"context"
	"testing"
)

// FuzzToken is the robustness target over arbitrary whole tokens: the
// segments, the dots, the base64 and its padding, and the headers are all
// the fuzzer's. It fails only on a panic, a timeout or an allocation
// blow-up.
func FuzzToken(f *testing.F) {
	for _, tok := range SeedTokens() {
		f.Add(tok)
	}
	subjects, err := Subjects()
	if err != nil {
		f.Fatal(err)
	}
	p := NewProber(subjects)
	f.Fuzz(func(t *testing.T, token string) {
		Report(t, "Token", p.CheckToken(context.Background(), token))
	})
}
