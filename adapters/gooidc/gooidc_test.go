package gooidc

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters"

	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{New()} {
		adaptertest.Contract(t, a)
	}
}
