package tink

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters"

	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{Default(), AllowMissingExpiration(), ExpectIssuedInThePast()} {
		adaptertest.Contract(t, a)
	}
}
