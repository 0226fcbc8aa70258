package conformance

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

func TestParseRecordErrors(t *testing.T) {
	t.Parallel()
	const head = `{"schema":"jwtconform-record/v1","adapter":"x"}` + "\n"
	for _, tc := range []struct {
		body string
		want string
	}{
		{``, `empty`},
		{`{"schema":"jwtconform-record/v0","adapter":"x"}`, `schema`},
		{`{"schema":"jwtconform-record/v1"}`, `no adapter name`},
		{`{"schema":"jwtconform-record/v1","adapter":"x","extra":1}`, `unknown field`},
		{head + `{"vector":"a/b","mode":"explicit","outcome":"accept","extra":1}`, `:2: json: unknown field`},
		{head + `{"vector":"a/b","outcome":"accept"}`, `needs a mode`},
		{head + `{"vector":"a/b","mode":"explicit","outcome":"accept"}` + "\n" + `{"vector":"a/b","mode":"explicit","outcome":"accept"}`, `:3: outcome "a/b explicit" recorded twice`},
		{head + `{"property":"p","status":"maybe"}`, `status "maybe"`},
		{head + `{"property":"p","status":"holds","counterexample":{"payload":"{}","now":"1"}}`, `a counterexample with status holds`},
		{head + `{"property":"p","status":"holds"}` + "\n" + `{"property":"p","status":"holds"}`, `recorded twice`},
		{head + `{"vector":"a/b","mode":"explicit","outcome":"accept","property":"p"}`, `an entry is an outcome`},
		{head + `{"property":"p","status":"holds"} {"property":"q","status":"holds"}`, `more than one entry`},
	} {
		_, err := ParseRecord("r.jsonl", []byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "r.jsonl") {
			t.Errorf("ParseRecord(%q) = %v, want an error naming r.jsonl and containing %q", tc.body, err, tc.want)
		}
	}
}

// TestBuiltinRecordsRoundTrip checks every embedded record is in the
// canonical form -jwtconform.update writes, belongs to its profile, and
// holds every vector in every mode and every property.
func TestBuiltinRecordsRoundTrip(t *testing.T) {
	t.Parallel()
	names, err := embeddedProfiles.ReadDir("profiles")
	if err != nil {
		t.Fatal(err)
	}
	keys := len(vectors.All()) * len(Modes)
	var props map[string]PropertyRecord // the first record's, which every other must match
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), ".json") {
			continue
		}
		p, err := LoadProfile(embeddedProfiles, "profiles/"+n.Name())
		if err != nil {
			t.Fatal(err)
		}
		if p.Record == nil {
			t.Errorf("%s has no record %s", n.Name(), RecordFile(n.Name()))
			continue
		}
		b, err := embeddedProfiles.ReadFile(p.Record.Path)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(p.Record.Marshal()); got != string(b) {
			t.Errorf("%s is not in canonical form; run go test ./conformance -run TestBuiltinAdapters -jwtconform.update", p.Record.Path)
		}
		if len(p.Record.Outcomes) != keys {
			t.Errorf("%s records %d outcomes, want %d (every vector in both modes)", p.Record.Path, len(p.Record.Outcomes), keys)
		}
		// properties' TestRecordsHoldEveryProperty checks the names.
		if props == nil {
			props = p.Record.Properties
		} else if !slices.Equal(slices.Sorted(maps.Keys(props)), slices.Sorted(maps.Keys(p.Record.Properties))) {
			t.Errorf("%s records other properties than the first record", p.Record.Path)
		}
	}
}

func TestLoadProfileRecordOfAnotherAdapter(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("p.json", `{"schema":"jwtconform-profile/v2","adapter":"x","deviations":[]}`)
	if p, err := LoadProfile(os.DirFS(dir), "p.json"); err != nil || p.Record != nil {
		t.Fatalf("LoadProfile with no record = %+v, %v; want no record and no error", p.Record, err)
	}
	write("p.record.jsonl", `{"schema":"jwtconform-record/v1","adapter":"y"}`+"\n")
	if _, err := LoadProfile(os.DirFS(dir), "p.json"); err == nil || !strings.Contains(err.Error(), `for adapter "y"`) {
		t.Errorf("LoadProfile with y's record = %v, want an error", err)
	}
}

func TestRecordMerge(t *testing.T) {
	t.Parallel()
	old := Record{Adapter: "x", Module: "m@v1",
		Outcomes:   map[string]string{"a/1 explicit": "accept", "a/1 defaults": "accept", "gone/1 explicit": "accept"},
		Properties: map[string]PropertyRecord{"p": {Status: Holds}, "q": {Status: Holds}, "gone": {Status: Holds}},
	}
	got := old.Merge(
		map[string]string{"a/1 defaults": "reject/expired"},
		map[string]PropertyRecord{"q": {Status: Fails, Counterexample: &RecordedCounterexample{Payload: "{}", Now: "1"}}},
		map[string]bool{"a/1 explicit": true, "a/1 defaults": true},
		map[string]bool{"p": true, "q": true},
	)
	if want := map[string]string{"a/1 explicit": "accept", "a/1 defaults": "reject/expired"}; !maps.Equal(got.Outcomes, want) {
		t.Errorf("merged outcomes = %v, want %v", got.Outcomes, want)
	}
	if len(got.Properties) != 2 || !got.Properties["p"].Equal(PropertyRecord{Status: Holds}) || got.Properties["q"].Status != Fails {
		t.Errorf("merged properties = %v, want p holds and q fails", got.Properties)
	}
	if len(old.Outcomes) != 3 || old.Outcomes["a/1 defaults"] != "accept" {
		t.Errorf("Merge changed its receiver: %v", old.Outcomes)
	}
}

// TestFilteredUpdateKeepsRecord is the regression test for the data loss of
// issue 8: the update of
//
//	go test ./conformance -run 'TestBuiltinAdapters/jwx/v2/jwt/(vectors|profile)/exp-boundary' -jwtconform.update -jwtconform.properties=false
//
// once rewrote jwx's profile with the 35 outcomes it ran and deleted the
// other 1,107 lines. It runs the same update in process, on a copy of the
// record in a temporary folder, and checks that the entries it ran are
// rewritten and that nothing else changed.
// TestSemanticsFollowEditsInPlace checks that a profile whose deviations
// are changed in place gets the predictions of what it says now.
func TestSemanticsFollowEditsInPlace(t *testing.T) {
	t.Parallel()
	p := Profile{Schema: ProfileSchema, Adapter: "x", Deviations: []DeviationRef{{ID: "exp-inclusive", Reason: "test"}}}
	payload := []byte(`{"exp":1700000000}`)
	c := oracle.Query{Now: time.Unix(1700000000, 0), SetLeeway: true}
	if j, err := p.Predict(payload, c); err != nil || j.Verdict != oracle.Accept {
		t.Fatalf("exp-inclusive at now == exp = %v, %v; want accept", j.Verdict, err)
	}
	p.Deviations[0] = DeviationRef{ID: "iat-ignored", Reason: "test"}
	if j, err := p.Predict(payload, c); err != nil || j.Verdict != oracle.Reject {
		t.Errorf("after the edit in place, at now == exp = %v, %v; want reject", j.Verdict, err)
	}
	p.Deviations[0].Reason = " "
	if _, err := p.Predict(payload, c); err == nil {
		t.Errorf("after the reason was emptied in place, Predict succeeded; want the missing reason reported")
	}
}

// TestPropertyResultRecord checks what a record keeps of a property
// result: everything but the key and the detail.
func TestPropertyResultRecord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r    PropertyResult
		want string
	}{
		{PropertyResult{Status: Fails, Clause: "RFC 7519 4.1.4", Severity: Security, Explained: true,
			Counterexample: &Counterexample{Payload: `{"exp":1}`, Now: "1", Leeway: "0s", Detail: "x"}},
			`{"status":"fails","clause":"RFC 7519 4.1.4","severity":"security","counterexample":{"payload":"{\"exp\":1}","now":"1","leeway":"0s"}}`},
		{PropertyResult{Status: Holds, Explained: true}, `{"status":"holds"}`},
		{PropertyResult{Status: Holds, Counterexample: &Counterexample{Payload: "{}", Now: "0"}}, `{"status":"holds","unexplained":true}`},
	} {
		if got := tc.r.Record().String(); got != tc.want {
			t.Errorf("Record() = %s, want %s", got, tc.want)
		}
	}
}
