package conformance_test

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
)

// TestBuiltinAdapters runs the suite against every built-in adapter under
// its recorded profile in profiles/.
func TestBuiltinAdapters(t *testing.T) {
	for _, a := range all.Adapters() {
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
