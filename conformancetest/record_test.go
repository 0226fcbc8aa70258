package conformancetest

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/jwx"
	"github.com/jwtconform/jwtconform/conformance"
)

// TestFilteredUpdateKeepsRecord runs a filtered update and checks it
// rewrote only what it ran.
func TestFilteredUpdateKeepsRecord(t *testing.T) {
	p, err := conformance.BuiltinProfile("jwx/v2/jwt")
	if err != nil {
		t.Fatal(err)
	}
	want := p.Record.Marshal()
	// Spoil one entry the update runs, which it must put right, and one it
	// does not run, which it must keep as it is.
	const ran, kept = "exp-boundary/exp-1ns-after-now defaults", "attacker/bool-exp explicit"
	if _, ok := p.Record.Outcomes[ran]; !ok {
		t.Fatalf("the record has no outcome %q", ran)
	}
	original := p.Record.Outcomes[kept]
	spoilt := *p.Record
	spoilt.Outcomes = maps.Clone(p.Record.Outcomes)
	spoilt.Outcomes[ran] = "spoilt"
	spoilt.Outcomes[kept] = "kept as it was"
	spoilt.Module = "github.com/lestrrat-go/jwx/v2@v0.0.0-spoilt"
	spoilt.Path = filepath.Join(t.TempDir(), filepath.Base(p.Record.Path))
	if err := spoilt.WriteFile(); err != nil {
		t.Fatal(err)
	}
	p.Record = &spoilt
	// What the -run pattern selects: the vectors of exp-boundary.json in
	// both modes, and the profile checks.
	selected := func(id string) bool { return strings.Contains(strings.Split(id, "/")[0], "exp-boundary") }
	t.Run("update", func(t *testing.T) {
		runSuite(t, jwx.New(), p, runConfig{update: true, properties: false, selected: selected})
	})
	b, err := os.ReadFile(spoilt.Path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := conformance.ParseRecord(spoilt.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outcomes[kept] != "kept as it was" {
		t.Errorf("outcome %q = %q after the update, want it kept as it was", kept, got.Outcomes[kept])
	}
	got.Outcomes[kept] = original
	if got.Outcomes[ran] == "spoilt" {
		t.Errorf("outcome %q was not rewritten by the update that ran it", ran)
	}
	if diff := lineDiffOf(string(want), string(got.Marshal())); diff != "" {
		t.Errorf("the filtered update changed more than what it ran (-want +got):\n%s", diff)
	}
	if n := strings.Count(string(b), "\n"); n != strings.Count(string(want), "\n") {
		t.Errorf("the record has %d lines after the update, want %d", n, strings.Count(string(want), "\n"))
	}
}

// lineDiffOf lists the lines of want and got that differ, in order.
func lineDiffOf(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y {
			b.WriteString("-\t" + x + "\n+\t" + y + "\n")
		}
	}
	return b.String()
}
