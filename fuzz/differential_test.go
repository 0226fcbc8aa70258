package fuzz

import (
	"context"
	"testing"
)

// FuzzDifferential sends one claims set, clock and leeway to the oracle and
// to every adapter, and fails on any outcome the adapter's profile does not
// explain, printing the reproducer.
func FuzzDifferential(f *testing.F) {
	for _, s := range DifferentialSeeds() {
		f.Add(s.Payload, s.Sec, s.Nsec, s.Leeway, s.Flags)
	}
	subjects, err := Subjects()
	if err != nil {
		f.Fatal(err)
	}
	d := Differential{Subjects: subjects}
	f.Fuzz(func(t *testing.T, payload []byte, sec int64, nsec uint32, leeway int64, flags uint32) {
		if len(payload) > MaxInput {
			return
		}
		anomalies, err := d.Compare(context.Background(), "Differential", payload, QueryFrom(sec, nsec, leeway, flags))
		if err != nil {
			t.Fatal(err)
		}
		Report(t, "Differential", anomalies)
	})
}
