package conformance_test

import (
	"sync"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
)

// builtinAdapters is one list of the built-in adapters for every test of
// the package: property results are cached per adapter value, so that
// TestBuiltinAdapters and TestProperties share one run only when they
// share the values.
var builtinAdapters = sync.OnceValue(all.Adapters)

// TestBuiltinAdapters runs the suite against every built-in adapter under
// its recorded profile in profiles/.
func TestBuiltinAdapters(t *testing.T) {
	for _, a := range builtinAdapters() {
		if !conformance.SelectedAdapter(a.Name()) {
			continue
		}
		t.Run(a.Name(), func(t *testing.T) {
			p, err := conformance.BuiltinProfile(a.Name())
			if err != nil {
				t.Fatal(err)
			}
			conformance.Run(t, a, p, all.Minters()...)
		})
	}
}
