package conformance

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/jwx"
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
	keys := vectorKeys(vectors.All())
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
		if want := len(Properties()) * len(Modes); len(p.Record.Outcomes) != len(keys) || len(p.Record.Properties) != want {
			t.Errorf("%s records %d outcomes and %d property results, want %d and %d (every property in both modes)", p.Record.Path,
				len(p.Record.Outcomes), len(p.Record.Properties), len(keys), want)
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
func TestFilteredUpdateKeepsRecord(t *testing.T) {
	p, err := BuiltinProfile("jwx/v2/jwt")
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
	got, err := ParseRecord(spoilt.Path, b)
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

// namedAdapter is an adapter under a name of the test's choosing that
// accepts a token signed with one of algs and rejects every other, and
// trusts every claim.
type namedAdapter struct {
	name string
	algs string // comma-separated
}

func (a namedAdapter) Name() string                 { return a.name }
func (namedAdapter) Module() adapters.Module        { return adapters.Module{Path: "named", Version: "v0"} }
func (namedAdapter) Supports(adapters.Feature) bool { return true }
func (a namedAdapter) Algorithms() []string         { return strings.Split(a.algs, ",") }
func (a namedAdapter) Verify(_ context.Context, _ string, o adapters.Options) adapters.Outcome {
	for _, alg := range strings.Split(a.algs, ",") {
		if alg == o.Key.Alg {
			return adapters.Accepted()
		}
	}
	return adapters.Rejected(adapters.Signature, errors.New("unsupported algorithm"))
}

// TestCachesPerAdapterValue checks that two adapters of one name get their
// own algorithms and property results, and that an adapter that cannot be a
// map key is checked rather than crashing the cache.
func TestCachesPerAdapterValue(t *testing.T) {
	const name = "test/same-name"
	hs := Subject{Adapter: namedAdapter{name, "HS256"}, Profile: Profile{Schema: ProfileSchema, Adapter: name}}
	all := Subject{Adapter: namedAdapter{name, "HS256,RS256,ES256,EdDSA"}, Profile: hs.Profile}
	o := PropertyOptions{Minters: []adapters.Minter{}}
	if got := algs(hs); len(got) != 1 {
		t.Errorf("algs of the HS256-only adapter = %v, want [HS256]", got)
	}
	if got := algs(all); len(got) != 4 {
		t.Errorf("algs of the adapter of every algorithm, after one of the same name = %v, want all four", got)
	}
	prop, ok := LookupProperty("exp-boundary")
	if !ok {
		t.Fatal("no exp-boundary property")
	}
	// An adapter that accepts every HS256 token fails the exp boundary law;
	// one that rejects every token of the harness (it knows only an
	// algorithm the harness never uses) cannot have it checked.
	accepts := CheckProperty(context.Background(), prop, hs, o)
	rejects := CheckProperty(context.Background(), prop, Subject{Adapter: namedAdapter{name, "none"}, Profile: hs.Profile}, o)
	if accepts.Record().Equal(rejects.Record()) {
		t.Errorf("two adapters named %s with different behaviour got one result: %s", name, accepts.Record())
	}
	if _, ok := adapterKey(judgeAdapter{name: name}); ok {
		t.Errorf("adapterKey accepted a value holding a slice")
	}
	j := judge(name)
	if r := CheckProperty(context.Background(), prop, j, o); r.Status != Holds {
		t.Errorf("exp-boundary on the oracle judge = %s, want holds", r.Status)
	}
}
