package conformance_test

import (
	"testing"

	"github.com/jwtconform/jwtconform/conformance"
)

// TestProperties checks every rapid property on every built-in adapter
// against its recorded profile. TestBuiltinAdapters covers the same checks
// through conformance.Run and the two share one run per process; this test
// exists so that a deep run can select the properties alone:
//
//	go test ./conformance -run Propert -rapid.checks=10000
func TestProperties(t *testing.T) {
	for _, a := range builtinAdapters() {
		t.Run(a.Name(), func(t *testing.T) {
			p, err := conformance.BuiltinProfile(a.Name())
			if err != nil {
				t.Fatal(err)
			}
			conformance.RunProperties(t, a, p)
		})
	}
}
