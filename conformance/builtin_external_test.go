package conformance_test

import (
	"flag"
	"sync"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/conformancetest"
	"github.com/jwtconform/jwtconform/properties"
)

// builtinAdapters is one list of the built-in adapters for every test of
// the package: property results are cached per adapter value, so that
// TestBuiltinAdapters and TestProperties share one run only when they
// share the values.
var builtinAdapters = sync.OnceValue(all.Adapters)

// propertiesReported names the adapters whose properties
// TestBuiltinAdapters checked and reported in this process, so that
// TestProperties, which shares their results, does not report each
// failure a second time.
var propertiesReported sync.Map // adapter name -> true

// TestBuiltinAdapters runs the suite against every built-in adapter under
// its recorded profile in profiles/.
func TestBuiltinAdapters(t *testing.T) {
	for _, a := range builtinAdapters() {
		if !conformancetest.SelectedAdapter(a.Name()) {
			continue
		}
		t.Run(a.Name(), func(t *testing.T) {
			p, err := conformance.BuiltinProfile(a.Name())
			if err != nil {
				t.Fatal(err)
			}
			opts := []conformancetest.Option{conformancetest.WithMinters(all.Minters()...)}
			if conformancetest.Updating() {
				// Only a deliberate update keeps rapid's fail files where
				// rapid replays them first, to be committed; any other run
				// writes them to the temporary folder Run names, leaving
				// the tree clean.
				opts = append(opts, conformancetest.WithFailDir(properties.RapidDir))
			}
			conformancetest.Run(t, a, p, opts...)
			if flag.Lookup("jwtconform.properties").Value.String() == "true" {
				propertiesReported.Store(a.Name(), true)
			}
		})
	}
}

// TestProperties checks every rapid property on every built-in adapter
// against its recorded profile. TestBuiltinAdapters covers the same checks
// through conformancetest.Run and the two share one run per process
// (builtinAdapters); this test
// exists so that a deep run can select the properties alone:
//
//	go test ./conformance -run Propert -rapid.checks=10000
func TestProperties(t *testing.T) {
	for _, a := range builtinAdapters() {
		t.Run(a.Name(), func(t *testing.T) {
			if _, ok := propertiesReported.Load(a.Name()); ok {
				t.Skip("checked, and any failure reported, by TestBuiltinAdapters in this run")
			}
			p, err := conformance.BuiltinProfile(a.Name())
			if err != nil {
				t.Fatal(err)
			}
			conformancetest.RunProperties(t, a, p, conformancetest.WithMinters(all.Minters()...))
		})
	}
}
