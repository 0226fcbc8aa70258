package oracle_test

import (
	"fmt"
	"time"

	"github.com/jwtconform/jwtconform/oracle"
)

// Judge a claims set by RFC 7519 alone.
func ExampleJudge() {
	j := oracle.Judge([]byte(`{"exp":1700000000}`), oracle.Query{Now: time.Unix(1700000000, 0), SetLeeway: true})
	fmt.Println(j.Verdict, j.Classes)
	// Output: reject [expired]
}

// A library author names a behaviour the built-in presets do not: here a
// verifier whose nbf alone has a built-in five-minute leeway, as go-oidc's
// has, set on the model's parameters. A profile takes it in its Presets
// (conformance.Profile) and names it among its deviations.
func ExampleNewPreset() {
	fiveMinutesOnNbf := oracle.NewPreset("nbf-leeway-5m", "nbf has a built-in five-minute leeway; exp has none",
		func(m *oracle.Model) { m.Nbf.DefaultLeeway = 5 * time.Minute })
	var m oracle.Model
	fiveMinutesOnNbf.Apply(&m)
	fmt.Println(m.Settings())
	now := oracle.Query{Now: time.Unix(1700000000, 0)} // no leeway option: the library's defaults
	fmt.Println(m.Judge([]byte(`{"nbf":1700000240}`), now).Verdict)
	fmt.Println(m.Judge([]byte(`{"exp":1700000000}`), now).Verdict)
	// Output:
	// [nbf.default-leeway=5m0s]
	// accept
	// reject
}

// Set parameters by name, as a profile file does.
func ExampleModel_Set() {
	var m oracle.Model
	for _, p := range [][2]string{{"exp.boundary", "inclusive"}, {"clock", "round:1s"}} {
		if err := m.Set(p[0], p[1]); err != nil {
			fmt.Println(err)
		}
	}
	q := oracle.Query{Now: time.Unix(1700000000, 5e8), SetLeeway: true}
	fmt.Println(m.Judge([]byte(`{"exp":1700000001}`), q).Verdict) // the clock rounds up to exp, which is inclusive
	fmt.Println(m.Set("exp.boundary", "sometimes"))
	// Output:
	// accept
	// parameter exp.boundary: value "sometimes": want one of rfc, inclusive, exclusive
}
