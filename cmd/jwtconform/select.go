package main

import (
	"fmt"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/vectors"
)

// selectAdapters returns the built-in adapters whose names match pattern.
func selectAdapters(pattern string) ([]adapters.Adapter, error) {
	var out []adapters.Adapter
	for _, a := range all.Adapters() {
		if conformance.MatchGlob(pattern, a.Name()) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: -adapter %q matches no adapter (see 'jwtconform list adapters')", errUsage, pattern)
	}
	return out, nil
}

// selectVectors returns the embedded vectors whose ids match pattern.
func selectVectors(pattern string) ([]vectors.Vector, error) {
	var out []vectors.Vector
	for _, v := range vectors.All() {
		if conformance.MatchGlob(pattern, v.ID) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: -vectors %q matches no vector (see 'jwtconform list vectors')", errUsage, pattern)
	}
	return out, nil
}
