package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// TestMigrate checks the fixture's move from alpha/v1 to beta/v2 against
// its hand-given outcomes (fixture): seven vectors in two modes, one of
// which alpha cannot express.
func TestMigrate(t *testing.T) {
	d := fixtureDocument()
	m, err := Migrate(d, "alpha/v1", "beta/v2")
	if err != nil {
		t.Fatal(err)
	}
	s := m.Summary
	// exp-equals-now (both modes), now-1ns-before-exp (explicit), bom
	// (defaults), invalid-utf8 (both), quoted-exp (defaults) change their
	// verdict; quoted-exp explicit is unsupported with alpha.
	if s.Compared != 13 || s.Verdicts != 7 || s.Outcomes != 7 || s.Supported != 1 || s.Unsupported != 0 {
		t.Errorf("summary %+v, want 13 compared, 7 verdicts and outcomes, 1 supported", s)
	}
	if len(m.Expressible) != 1 || m.Expressible[0].New.Vector != "wrong-type/quoted-exp" || m.Expressible[0].Old.Verdict != adapters.Unsupported {
		t.Errorf("expressible %+v, want wrong-type/quoted-exp explicit", m.Expressible)
	}
	// Every severity moved is counted once on each side.
	var gained, lost int
	for _, sev := range conformance.Severities {
		gained += s.Gained.Of(sev)
		lost += s.Lost.Of(sev)
	}
	moved := 0
	for _, c := range m.Changes {
		if c.Old.Severity != c.New.Severity {
			moved++
			if c.Old.Severity != conformance.None && s.Lost.Of(c.Old.Severity) == 0 || c.New.Severity != conformance.None && s.Gained.Of(c.New.Severity) == 0 {
				t.Errorf("%s %s: %s → %s not counted", c.New.Vector, c.New.Mode, c.Old.Severity, c.New.Severity)
			}
		}
	}
	if gained > moved || lost > moved || moved == 0 {
		t.Errorf("gained %d, lost %d over %d changes of severity", gained, lost, moved)
	}
	// alpha's exp-inclusive explains accepting at exp; beta has no such
	// root cause, and beta's quoted-number-accepted is alpha's lack.
	if !containsID(m.Lost, "exp-inclusive") || containsID(m.Gained, "exp-inclusive") {
		t.Errorf("lost %+v, want exp-inclusive", m.Lost)
	}
	for _, p := range append(append([]CausePart{}, m.Lost...), m.Gained...) {
		if p.Results == 0 || p.Severity == conformance.None {
			t.Errorf("root cause %+v counts no result", p)
		}
	}
	// The reverse move swaps gained and lost.
	r, err := Migrate(d, "beta/v2", "alpha/v1")
	if err != nil {
		t.Fatal(err)
	}
	if r.Summary.Gained != s.Lost || r.Summary.Lost != s.Gained || r.Summary.Verdicts != s.Verdicts ||
		strings.Join(r.Summary.RootCausesGained, ",") != strings.Join(s.RootCausesLost, ",") || r.Summary.Unsupported != s.Supported {
		t.Errorf("reverse %+v is not the mirror of %+v", r.Summary, s)
	}
	// The document holds the pairs whose two adapters ran, in order.
	if len(d.Migrations) != 2 || d.Migrations[0].From != "alpha/v1" || d.Migrations[1].From != "beta/v2" || d.Migrations[0].Verdicts != s.Verdicts {
		t.Errorf("Document.Migrations %+v, want alpha/v1 → beta/v2 and the reverse", d.Migrations)
	}
}

func containsID(ps []CausePart, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

func TestMigrateBadInput(t *testing.T) {
	d := fixtureDocument()
	for _, tc := range []struct{ from, to, want string }{
		{"alpha/v1", "alpha/v1", "to itself"},
		{"alpha/v1", "gamma/v1", `no adapter "gamma/v1" in the results (it has alpha/v1, beta/v2)`},
		{"nope", "beta/v2", `no adapter "nope"`},
	} {
		if _, err := Migrate(d, tc.from, tc.to); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Migrate(%s, %s) = %v, want an error with %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// TestMigrationGolden renders the fixture's migration in each format.
func TestMigrationGolden(t *testing.T) {
	m, err := Migrate(fixtureDocument(), "alpha/v1", "beta/v2")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    DiffFormat
	}{{"migration.txt", DiffText}, {"migration.md", DiffMarkdown}, {"migration.json", DiffJSON}} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteMigration(&b, m, tc.f); err != nil {
				t.Fatal(err)
			}
			if tc.f == DiffJSON {
				var v struct {
					Schema  string           `json:"schema"`
					Summary MigrationSummary `json:"summary"`
					Causes  []causeGroup     `json:"causes"`
				}
				n := 0
				err := json.Unmarshal(b.Bytes(), &v)
				for _, g := range v.Causes {
					n += len(g.Changes)
				}
				if err != nil || v.Schema != MigrationSchema || v.Summary.Verdicts != m.Summary.Verdicts || n != len(m.Changes) {
					t.Errorf("JSON form: %v, %+v", err, v.Summary)
				}
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}
