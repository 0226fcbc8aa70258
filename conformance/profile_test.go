package conformance

import (
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/oracle"
)

func TestParseProfileErrors(t *testing.T) {
	for _, tc := range []struct {
		body string
		want string
	}{
		{`{"schema":"jwtconform-profile/v2","adapter":"x","deviations":[{"id":"exp-inclusive","reason":""}]}`, `"exp-inclusive" has no reason`},
		{`{"schema":"jwtconform-profile/v2","adapter":"x","deviations":[{"id":"no-such","reason":"r"}]}`, `"no-such" is not in the catalogue`},
		{`{"schema":"jwtconform-profile/v2","adapter":"x","deviations":[{"id":"exp-inclusive","reason":"r"},{"id":"exp-inclusive","reason":"r"}]}`, `listed twice`},
		{`{"schema":"jwtconform-profile/v1","adapter":"x","deviations":[]}`, `schema`},
		{`{"schema":"jwtconform-profile/v2","adapter":"x","deviations":[],"outcomes":{}}`, `unknown field`},
		{`{"schema":"jwtconform-profile/v2","deviations":[]}`, `no adapter name`},
		{`{"schema":"jwtconform-profile/v2","adapter":"x","deviations":[],"extra":1}`, `unknown field`},
	} {
		_, err := ParseProfile("p.json", []byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "p.json") {
			t.Errorf("ParseProfile(%s) = %v, want an error naming p.json and containing %q", tc.body, err, tc.want)
		}
	}
}

// TestBuiltinProfilesRoundTrip checks every embedded profile is written in
// the canonical form -jwtconform.update produces, so a rewrite changes only
// what really changed.
func TestBuiltinProfilesRoundTrip(t *testing.T) {
	names, err := embeddedProfiles.ReadDir("profiles")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), ".json") {
			continue // a record: see TestBuiltinRecordsRoundTrip
		}
		b, err := embeddedProfiles.ReadFile("profiles/" + n.Name())
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParseProfile(n.Name(), b)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(p.Marshal()); got != string(b) {
			t.Errorf("%s is not in canonical form; run go test ./conformance -run TestBuiltinAdapters -jwtconform.update", n.Name())
		}
		if ProfileFile(p.Adapter) != "profiles/"+n.Name() {
			t.Errorf("%s holds the profile of %s, which belongs in %s", n.Name(), p.Adapter, ProfileFile(p.Adapter))
		}
	}
}

func TestCatalogueEntriesAreDocumented(t *testing.T) {
	for _, d := range oracle.Presets() {
		if d.Summary == "" || d.Apply == nil {
			t.Errorf("deviation %q needs a summary and a switch", d.ID)
		}
	}
}

// TestProfileParametersAndOwnPresets checks a profile's parameters and its
// author's own presets predict, and that each is refused without a reason
// or under a built-in preset's name.
func TestProfileParametersAndOwnPresets(t *testing.T) {
	nbf := oracle.Query{Now: time.Unix(1700000000, 0)} // the defaults mode
	payload := []byte(`{"nbf":1700000240}`)
	base := Profile{Schema: ProfileSchema, Adapter: "x"}
	if j, _ := base.Predict(payload, nbf); j.Verdict != oracle.Reject {
		t.Fatalf("the RFC profile says %s for nbf four minutes ahead", j.Verdict)
	}
	withParam := base
	withParam.Parameters = []ParameterRef{{Name: "nbf.default-leeway", Value: "5m", Reason: "go-oidc verify.go: a fixed five minutes on nbf"}}
	if j, err := withParam.Predict(payload, nbf); err != nil || j.Verdict != oracle.Accept {
		t.Errorf("with nbf.default-leeway=5m: %s, %v; want accept", j.Verdict, err)
	}
	own := base
	own.Presets = []oracle.Preset{oracle.NewPreset("nbf-five-minutes", "five minutes on nbf", func(m *oracle.Model) { m.Nbf.DefaultLeeway = 5 * time.Minute })}
	own.Deviations = []DeviationRef{{ID: "nbf-five-minutes", Reason: "the author's own"}}
	if j, err := own.Predict(payload, nbf); err != nil || j.Verdict != oracle.Accept {
		t.Errorf("with the author's own preset: %s, %v; want accept", j.Verdict, err)
	}
	for _, tc := range []struct {
		p    Profile
		want string
	}{
		{Profile{Parameters: []ParameterRef{{Name: "nbf.default-leeway", Value: "5m"}}}, `parameter "nbf.default-leeway" has no reason`},
		{Profile{Parameters: []ParameterRef{{Name: "nbf.leeway-ish", Value: "5m", Reason: "r"}}}, `no parameter "nbf.leeway-ish"`},
		{Profile{Presets: []oracle.Preset{oracle.NewPreset("exp-inclusive", "", nil)}}, `"exp-inclusive" of the profile's own is a built-in preset's name`},
	} {
		if _, err := tc.p.Predict(payload, nbf); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Predict = %v, want an error with %q", err, tc.want)
		}
	}
}

// TestBlank: blank agrees with strings.TrimSpace on every first byte and
// on Unicode spaces.
func TestBlank(t *testing.T) {
	cases := []string{"", " ", "\t\n\v\f\r ", "\u0085", "\u00a0", "\u2003 x", " x", "x", "RFC 7519 4.1.4", "\x00", "\x7f"}
	for c := range 256 {
		cases = append(cases, string([]byte{byte(c)}), string([]byte{byte(c), 'x'}))
	}
	for _, s := range cases {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("blank(%q) = %t, want %t", s, got, want)
		}
	}
}
