package conformance

import (
	"strings"
	"testing"

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
