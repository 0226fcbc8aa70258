package fuzz

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/properties"
)

// FuzzProperties runs the rapid properties' fidelity checks under the
// native fuzzer through rapid.MakeFuzz, so coverage guidance drives their
// generators too: sel picks the property and the adapter (see
// PropertyCases), data is rapid's bitstream. The vector payloads seed it,
// as bitstreams.
func FuzzProperties(f *testing.F) {
	subjects, err := Subjects()
	if err != nil {
		f.Fatal(err)
	}
	cases := PropertyCases(subjects)
	if len(cases) == 0 {
		f.Fatal("no property can run on the selected adapters")
	}
	for i, p := range SeedPayloads() {
		f.Add(uint32(i%len(cases)), p)
	}
	f.Fuzz(func(t *testing.T, sel uint32, data []byte) {
		c := cases[int(sel%uint32(len(cases)))]
		t.Logf("property case %s", c.Name)
		c.Fuzz(t, data)
	})
}

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
	o := properties.PropertyOptions{Minters: all.Minters()}
	for _, p := range properties.Properties() {
		for _, s := range subjects {
			if p.Unsupported(s, o) != "" {
				continue
			}
			out = append(out, PropertyCase{
				Name: p.Name + "/" + s.Adapter.Name(),
				Fuzz: rapid.MakeFuzz(p.Rapid(s, properties.ProfileStandard, o)),
			})
		}
	}
	return out
}
