package fuzz

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"pgregory.net/rapid"
)

// PropertyCase is one property's fidelity check on one subject, as a
// native fuzz function: the fuzzer's bytes are rapid's random bitstream,
// so coverage guidance steers rapid's generators.
type PropertyCase struct {
	// Name is "<property>/<adapter>".
	Name string
	// Fuzz runs the check on one bitstream; it fails t on an outcome the
	// subject's profile does not predict.
	Fuzz func(t *testing.T, data []byte)
}

// PropertyCases lists the fidelity check of every property on every
// subject that can run it, in property then subject order. Only fidelity
// is fuzzed: a law check fails by design wherever a profile declares a
// deviation, while fidelity failing is an unexplained behaviour, which is
// what the fuzzers hunt.
func PropertyCases(subjects []conformance.Subject) []PropertyCase {
	var out []PropertyCase
	o := conformance.PropertyOptions{Minters: all.Minters()}
	for _, p := range conformance.Properties() {
		for _, s := range subjects {
			if p.Unsupported(s, o) != "" {
				continue
			}
			out = append(out, PropertyCase{
				Name: p.Name + "/" + s.Adapter.Name(),
				Fuzz: rapid.MakeFuzz(p.Rapid(s, conformance.ProfileStandard, o)),
			})
		}
	}
	return out
}
