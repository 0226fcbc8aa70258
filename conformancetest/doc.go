// Package conformancetest gates a library from go test: Run checks every
// vector in both modes, the must-hold checks, the profile's own checks and
// the rapid properties against an adapter, and fails on a result the
// profile does not explain or the record does not hold.
//
// A library author calls it from a test of their own:
//
//	func TestConformance(t *testing.T) {
//		p, err := conformance.LoadProfile(os.DirFS("."), "mylib.json")
//		if err != nil {
//			t.Fatal(err)
//		}
//		conformancetest.Run(t, mylib.Adapter{}, p)
//	}
//
// Its flags (-jwtconform.update, -jwtconform.adapter, ...) each fall back
// to an environment variable (JWTCONFORM_UPDATE, ...), as rapid's do.
package conformancetest
