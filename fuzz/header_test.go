package fuzz

import (
	"context"
	"testing"
)

// FuzzHeader is the robustness target over arbitrary protected headers,
// signed with the claims set by the harness so that header handling is
// reached past the signature check. Every vector payload seeds it under
// the harness's header, and each crafted header under some payload. It
// fails only on a panic, a timeout or an allocation blow-up.
func FuzzHeader(f *testing.F) {
	payloads := SeedPayloads()
	headers := SeedHeaders()
	for i, p := range payloads {
		f.Add(headers[0], p)
		if i < len(headers) {
			f.Add(headers[i], payloads[len(payloads)-1-i])
		}
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
