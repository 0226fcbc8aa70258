package fuzz

import (
	"testing"
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
