package fuzz

import (
	"testing"
)

// FuzzOracle checks the RFC oracle itself: it never panics, it is
// deterministic, and it agrees with encoding/json on which inputs are JSON
// objects (see CheckOracle for the points RFC 8259 leaves open).
func FuzzOracle(f *testing.F) {
	for _, p := range SeedPayloads() {
		f.Add(p, int64(1700000000), uint32(0))
	}
	f.Fuzz(func(t *testing.T, payload []byte, sec int64, nsec uint32) {
		if err := CheckOracle(payload, QueryFrom(sec, nsec, 0, flagSetLeeway)); err != nil {
			t.Error(err)
		}
	})
}
