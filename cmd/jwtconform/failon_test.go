package main

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// withSubjects makes run use the built-in subjects changed by change, for
// the rest of the test.
func withSubjects(t *testing.T, change func(*conformance.Subject)) {
	t.Helper()
	saved := subjectsOf
	t.Cleanup(func() { subjectsOf = saved })
	subjectsOf = func(as []adapters.Adapter) ([]conformance.Subject, error) {
		ss, err := saved(as)
		if err != nil {
			return nil, err
		}
		for i := range ss {
			change(&ss[i])
		}
		return ss, nil
	}
}

// TestRunFailOn checks run's exit status: 0 on the built-in profiles, 1
// when a result is unexplained or differs from the record (as -fail-on
// selects), with the reports written all the same.
func TestRunFailOn(t *testing.T) {
	const adapter = "golang-jwt/v5/mapclaims"
	const vector = "exp-boundary/exp-equals-now"
	// A record that says the library accepted at exp == now: the run then
	// differs from it.
	tamperRecord := func(s *conformance.Subject) {
		if s.Adapter.Name() != adapter {
			return
		}
		rec := *s.Profile.Record
		rec.Outcomes = maps.Clone(rec.Outcomes)
		rec.Outcomes[conformance.OutcomeKey(vector, conformance.Explicit)] = "accept"
		s.Profile.Record = &rec
	}
	// A profile that lost the deviation explaining a departure.
	dropDeviation := func(s *conformance.Subject) {
		if s.Adapter.Name() != adapter {
			return
		}
		s.Profile.Deviations = slices.DeleteFunc(slices.Clone(s.Profile.Deviations), func(d conformance.DeviationRef) bool {
			return d.ID == "float64-overflow-anywhere-rejected"
		})
	}
	for _, tc := range []struct {
		name     string
		change   func(*conformance.Subject)
		vectors  string
		flags    []string
		wantCode int
		want     []string // in stdout
		stderr   string
	}{
		{"built-in profiles", nil, "exp-boundary/*", nil, 0, nil, ""},
		{"changed from the record", tamperRecord, "exp-boundary/*", nil, 1,
			[]string{"changed (1):", adapter + " " + vector + " explicit: recorded accept, the library gave reject/expired"},
			"-fail-on unexplained,changed: 1 outcome differs from the record"},
		{"changed, not asked for", tamperRecord, "exp-boundary/*", []string{"-fail-on", "unexplained"}, 0, nil, ""},
		{"never", tamperRecord, "exp-boundary/*", []string{"-fail-on=never"}, 0, nil, ""},
		{"unexplained", dropDeviation, "huge-values/*", []string{"-fail-on", "unexplained"}, 1,
			[]string{"unexplained ("}, "-fail-on unexplained: "},
		{"security", nil, "zero-negative/exp-zero", []string{"-fail-on", "security,changed"}, 1,
			[]string{"security (", "where the RFC says reject"}, " security findings"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.change != nil {
				withSubjects(t, tc.change)
			}
			dir := filepath.Join(t.TempDir(), "out")
			args := append([]string{"run", "-out", dir, "-vectors", tc.vectors, "-properties=false", "-fuzz=false", "-timelines=false"}, tc.flags...)
			code, stdout, stderr := invoke(t, args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stdout, "wrote "+filepath.Join(dir, "results.json")) {
				t.Errorf("the reports are not written:\n%s", stdout)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			if tc.stderr == "" && stderr != "" || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tc.stderr)
			}
			if stderr != "" && (strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "jwtconform: ")) {
				t.Errorf("stderr is not one line: %q", stderr)
			}
		})
	}
}
