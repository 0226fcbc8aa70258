package fuzz

import (
	"fmt"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/conformancetest"
)

// Subjects returns the built-in adapters that the -jwtconform.adapter glob
// selects (all of them by default), each with its built-in profile, so one
// library can be fuzzed alone:
//
//	go test -run='^$' -fuzz=FuzzX -jwtconform.adapter='jwx/*' ./fuzz
func Subjects() ([]conformance.Subject, error) {
	subjects, err := conformance.Subjects(all.Adapters())
	if err != nil {
		return nil, err
	}
	var out []conformance.Subject
	for _, s := range subjects {
		if conformancetest.SelectedAdapter(s.Adapter.Name()) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("fuzz: -jwtconform.adapter selects no adapter")
	}
	return out, nil
}
