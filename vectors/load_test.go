package vectors

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jwtconform/jwtconform/oracle"
)

// minVectors is the size the suite promises; dropping below it means a file
// went missing.
const minVectors = 170

// labelRE is the shape of the part of an id after "<file>/": short,
// lower-case and stable, so it can be typed after go test -run.
var labelRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestAll(t *testing.T) {
	all := All()
	if len(all) < minVectors {
		t.Errorf("All() has %d vectors, want at least %d", len(all), minVectors)
	}
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].ID < all[j].ID }) {
		t.Errorf("All() is not sorted by id")
	}
	perFile := map[string]int{}
	for _, v := range all {
		perFile[v.File]++
		name := strings.TrimSuffix(v.File, ".json")
		label, ok := strings.CutPrefix(v.ID, name+"/")
		if !ok || !labelRE.MatchString(label) {
			t.Errorf("%s: id %q: label must match %s", v.File, v.ID, labelRE)
		}
		if v.Expect == oracle.Reject && v.Class == "" {
			t.Errorf("%s: id %q: reject without a class", v.File, v.ID)
		}
		if back, err := ParseTime(FormatTime(v.Now)); err != nil || !back.Equal(v.Now) {
			t.Errorf("%s: id %q: now %q does not round-trip through FormatTime: %v, %v", v.File, v.ID, v.NowText, back, err)
		}
		if !sort.StringsAreSorted(v.Flags) {
			t.Errorf("%s: id %q: flags %v not sorted", v.File, v.ID, v.Flags)
		}
	}
	names, err := fs.Glob(Files(), "*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(perFile) {
		t.Errorf("Files() has %d files, All() draws from %d", len(names), len(perFile))
	}
	for _, n := range names {
		if perFile[n] == 0 {
			t.Errorf("%s: no vectors in All()", n)
		}
	}
}

// TestEmbeddedFiles parses each file on its own, so a broken file is named
// by its own subtest.
func TestEmbeddedFiles(t *testing.T) {
	names, err := fs.Glob(Files(), "*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			t.Parallel()
			b, err := fs.ReadFile(Files(), n)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := Parse(n, b)
			if err != nil {
				t.Fatal(err)
			}
			if len(vs) == 0 {
				t.Errorf("no vectors")
			}
		})
	}
}

// testObj is a valid stored vector that the error cases below break one
// field at a time.
func testObj(id string) map[string]any {
	return map[string]any{
		"id": id, "comment": "exp equals now", "rfc": "RFC7519 4.1.4",
		"payload": `{"exp":1700000000}`, "now": "1700000000", "leeway": "0s",
		"require": []string{}, "expect": "reject", "class": "expired",
	}
}

// fileText renders a vector file named name (without ".json").
func fileText(t *testing.T, name string, notes map[string]string, tests ...map[string]any) string {
	t.Helper()
	doc := map[string]any{"schema": Schema, "name": name, "tests": tests}
	if notes != nil {
		doc["notes"] = notes
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func with(m map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		k := kv[i].(string)
		if kv[i+1] == nil {
			delete(out, k)
		} else {
			out[k] = kv[i+1]
		}
	}
	return out
}

func TestLoadErrors(t *testing.T) {
	good := testObj("a/one")
	for _, tc := range []struct {
		name  string
		files map[string]string
		// want are substrings of the error: always the file, and the id
		// where the problem is inside one test.
		want []string
	}{
		{"no files", map[string]string{"d/readme.txt": "x"}, []string{"no *.json files"}},
		{"not json", map[string]string{"d/a.json": `{"schema":`}, []string{"a.json"}},
		{"unknown field", map[string]string{"d/a.json": `{"schema":"jwtconform-vectors/v1","name":"a","tests":[],"extra":1}`}, []string{"a.json", "unknown field"}},
		{"trailing data", map[string]string{"d/a.json": fileText(t, "a", nil, good) + `{}`}, []string{"a.json", "trailing data"}},
		{"wrong schema", map[string]string{"d/a.json": strings.Replace(fileText(t, "a", nil, good), Schema, "jwtconform-vectors/v0", 1)}, []string{"a.json", "schema"}},
		{"name mismatch", map[string]string{"d/a.json": fileText(t, "b", nil, testObj("b/one"))}, []string{"a.json", `name "b"`}},
		{"no tests", map[string]string{"d/a.json": fileText(t, "a", nil)}, []string{"a.json", "no tests"}},
		{"id without file prefix", map[string]string{"d/a.json": fileText(t, "a", nil, testObj("b/one"))}, []string{"a.json", `"b/one"`, "id must be"}},
		{"id without label", map[string]string{"d/a.json": fileText(t, "a", nil, testObj("a/"))}, []string{"a.json", `"a/"`, "id must be"}},
		{"duplicate id", map[string]string{"d/a.json": fileText(t, "a", nil, good, good)}, []string{"a.json", `"a/one"`, "duplicate id"}},
		{"no comment", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "comment", " "))}, []string{"a.json", `"a/one"`, "no comment"}},
		{"no rfc", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "rfc", nil))}, []string{"a.json", `"a/one"`, "no rfc"}},
		{"no payload", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "payload", nil))}, []string{"a.json", `"a/one"`, "no payload"}},
		{"both payloads", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "payloadBase64", "/w=="))}, []string{"a.json", `"a/one"`, "both"}},
		{"bad base64", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "payload", nil, "payloadBase64", "!!"))}, []string{"a.json", `"a/one"`, "payloadBase64"}},
		{"base64 of utf-8", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "payload", nil, "payloadBase64", "e30="))}, []string{"a.json", `"a/one"`, "valid UTF-8"}},
		{"now missing", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", nil))}, []string{"a.json", `"a/one"`, "now"}},
		{"now float", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", 1.7e9))}, []string{"a.json", "now"}},
		{"now exponent", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", "1.7e9"))}, []string{"a.json", `"a/one"`, "now"}},
		{"now ten digits", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", "1700000000.0000000001"))}, []string{"a.json", `"a/one"`, "nine fractional digits"}},
		{"now trailing dot", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", "1700000000."))}, []string{"a.json", `"a/one"`, "now"}},
		{"now plus", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", "+1700000000"))}, []string{"a.json", `"a/one"`, "now"}},
		{"now beyond int64", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", "9223372036854775808"))}, []string{"a.json", `"a/one"`, "now"}},
		{"no leeway", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "leeway", nil))}, []string{"a.json", `"a/one"`, "no leeway"}},
		{"bad leeway", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "leeway", "5 minutes"))}, []string{"a.json", `"a/one"`, "leeway"}},
		{"zero max age", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "maxAge", "0s"))}, []string{"a.json", `"a/one"`, "maxAge", "not positive"}},
		{"negative max lifetime", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "maxLifetime", "-1h"))}, []string{"a.json", `"a/one"`, "maxLifetime", "not positive"}},
		{"bad max age", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "maxAge", "an hour"))}, []string{"a.json", `"a/one"`, "maxAge"}},
		{"no require", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "require", nil))}, []string{"a.json", `"a/one"`, "no require"}},
		{"unknown require", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "require", []string{"sub"}))}, []string{"a.json", `"a/one"`, `"sub"`}},
		{"require twice", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "require", []string{"exp", "exp"}))}, []string{"a.json", `"a/one"`, "twice"}},
		{"bad expect", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "expect", "acceptable"))}, []string{"a.json", `"a/one"`, "expect"}},
		{"reject without class", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "class", nil))}, []string{"a.json", `"a/one"`, "without a class"}},
		{"class on accept", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "expect", "accept"))}, []string{"a.json", `"a/one"`, "accept vector"}},
		{"unknown class", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "class", "too_late"))}, []string{"a.json", `"a/one"`, "too_late"}},
		{"unknown flag", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "flags", []string{"Boundary"}))}, []string{"a.json", `"a/one"`, `"Boundary"`}},
		{"unused note", map[string]string{"d/a.json": fileText(t, "a", map[string]string{"Boundary": "b"}, good)}, []string{"a.json", `"Boundary"`, "no test uses"}},
		{"flag twice", map[string]string{"d/a.json": fileText(t, "a", map[string]string{"B": "b"}, with(good, "flags", []string{"B", "B"}))}, []string{"a.json", `"a/one"`, "twice"}},
		{"empty note", map[string]string{"d/a.json": fileText(t, "a", map[string]string{"B": " "}, with(good, "flags", []string{"B"}))}, []string{"a.json", `"B"`, "no description"}},
		{"invalid utf-8 in file", map[string]string{"d/a.json": strings.Replace(fileText(t, "a", nil, good), "a/one", "a/one\xff", 1)}, []string{"a.json", "UTF-8"}},
		{"now leading zero", map[string]string{"d/a.json": fileText(t, "a", nil, with(good, "now", "0017"))}, []string{"a.json", `"a/one"`, "leading zero"}},
		{"error in second test", map[string]string{"d/a.json": fileText(t, "a", nil, good, with(testObj("a/two"), "now", "soon"))}, []string{"a.json", "test 1", `"a/two"`, "now"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for p, body := range tc.files {
				fsys[p] = &fstest.MapFile{Data: []byte(body)}
			}
			_, err := Load(fsys, "d")
			if err == nil {
				t.Fatalf("Load: no error, want one mentioning %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load: error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestLoadPolicies checks that a negative leeway and the max-age and
// max-lifetime policies reach the vector.
func TestLoadPolicies(t *testing.T) {
	obj := with(testObj("a/one"), "leeway", "-2s", "maxAge", "1h", "maxLifetime", "90s")
	vs, err := Load(fstest.MapFS{"d/a.json": {Data: []byte(fileText(t, "a", nil, obj))}}, "d")
	if err != nil {
		t.Fatal(err)
	}
	if v := vs[0]; v.Leeway != -2*time.Second || v.MaxAge != time.Hour || v.MaxLifetime != 90*time.Second {
		t.Errorf("leeway %s, maxAge %s, maxLifetime %s; want -2s, 1h0m0s, 1m30s", v.Leeway, v.MaxAge, v.MaxLifetime)
	}
}

func TestLoadSortsAcrossFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"d/b.json":     {Data: []byte(fileText(t, "b", nil, testObj("b/one")))},
		"d/a.json":     {Data: []byte(fileText(t, "a", nil, testObj("a/two"), testObj("a/one")))},
		"d/notes.txt":  {Data: []byte("not a vector file")},
		"d/sub/c.json": {Data: []byte("not read: Load does not recurse")},
	}
	vs, err := Load(fsys, "d")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.File+":"+v.ID)
	}
	if want := "a.json:a/one a.json:a/two b.json:b/one"; strings.Join(got, " ") != want {
		t.Errorf("Load: got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestLoadDecodes(t *testing.T) {
	obj := with(testObj("a/one"),
		"payload", nil, "payloadBase64", "eyJ4IjoiLyJ9/w==",
		"now", "-1.5", "leeway", "1m30s", "require", []string{"iat", "exp"},
		"expect", "either", "class", "malformed_token", "flags", []string{"Z", "A"})
	fsys := fstest.MapFS{"d/a.json": {Data: []byte(fileText(t, "a", map[string]string{"A": "a", "Z": "z"}, obj))}}
	vs, err := Load(fsys, "d")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	v := vs[0]
	if string(v.Payload) != "{\"x\":\"/\"}\xff" {
		t.Errorf("Payload = %q", v.Payload)
	}
	if want := time.Unix(-2, 5e8); !v.Now.Equal(want) || v.NowText != "-1.5" {
		t.Errorf("Now = %v (%q), want %v", v.Now, v.NowText, want)
	}
	if v.Leeway != 90*time.Second {
		t.Errorf("Leeway = %v", v.Leeway)
	}
	if len(v.Require) != 2 || v.Require[0] != "iat" || v.Require[1] != "exp" {
		t.Errorf("Require = %v", v.Require)
	}
	if v.Expect != oracle.Either || v.Class != "malformed_token" {
		t.Errorf("Expect, Class = %v, %v", v.Expect, v.Class)
	}
	if len(v.Flags) != 2 || v.Flags[0] != "A" || v.Flags[1] != "Z" {
		t.Errorf("Flags = %v, want sorted", v.Flags)
	}
}

func TestParseTime(t *testing.T) {
	for _, tc := range []struct {
		in   string
		sec  int64
		nsec int64
	}{
		{"0", 0, 0},
		{"1700000000", 1700000000, 0},
		{"1700000000.5", 1700000000, 5e8},
		{"1699999999.999999999", 1699999999, 999999999},
		{"-1.5", -2, 5e8},
		{"-0.000000001", -1, 999999999},
		{"9223372036", 9223372036, 0},
	} {
		got, err := ParseTime(tc.in)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", tc.in, err)
			continue
		}
		if want := time.Unix(tc.sec, tc.nsec); !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, want %v", tc.in, got, want)
		}
		if back := FormatTime(got); back != strings.TrimSuffix(tc.in, ".000000000") {
			t.Errorf("FormatTime(ParseTime(%q)) = %q", tc.in, back)
		}
	}
	for _, in := range []string{"", "-", ".5", "1.", "1e9", "+1", "1.0000000001", " 1", "1 ", "0x10", "1_000", "NaN", "1.-5"} {
		if _, err := ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q): no error", in)
		}
	}
}
