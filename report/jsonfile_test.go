package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schema compiles results.schema.json.
func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("results.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("results.schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("results.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("results.schema.json")
	if err != nil {
		t.Fatalf("results.schema.json: %v", err)
	}
	return s
}

// TestSchema checks that what Encode writes validates against
// results.schema.json, with and without the optional sections.
func TestSchema(t *testing.T) {
	s := schema(t)
	plain, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	stamped := fixture()
	stamped.Timestamp = fixedTime
	stamped.Selection = &Selection{Adapters: "alpha/*", Vectors: "*"}
	withStamp, err := Build(stamped)
	if err != nil {
		t.Fatal(err)
	}
	big, err := Build(synthetic(50, 3))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		doc  Document
	}{
		{"all sections", fixtureDocument()},
		{"vectors only", plain},
		{"timestamp and selection", withStamp},
		{"synthetic", big},
		{"empty", Document{Schema: SchemaVersion, Suite: Suite{Version: SuiteVersion, VectorsDigest: plain.Suite.VectorsDigest, Go: "go1.99"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Marshal(tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(inst); err != nil {
				t.Errorf("results.json does not validate against results.schema.json:\n%v", err)
			}
		})
	}
}

// TestSchemaRejects checks that the schema is strict enough to catch a
// malformed file.
func TestSchemaRejects(t *testing.T) {
	s := schema(t)
	good, err := Marshal(fixtureDocument())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, from, to string }{
		{"wrong schema", `"jwtconform-results/v2"`, `"jwtconform-results/v1"`},
		{"unknown verdict", `"verdict":"accept"`, `"verdict":"maybe"`},
		{"unknown member", `"explained":true}`, `"explained":true,"extra":1}`},
		{"bad digest", `"vectorsDigest":"sha256:`, `"vectorsDigest":"md5:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tc.from, tc.to, 1)
			if bad == string(good) {
				t.Fatalf("%q not found in the fixture", tc.from)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
			if err != nil {
				t.Fatal(err)
			}
			if s.Validate(inst) == nil {
				t.Errorf("the schema accepts a file with %s", tc.name)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	good, err := Marshal(fixtureDocument())
	if err != nil {
		t.Fatal(err)
	}
	t.Run("round trip", func(t *testing.T) {
		d, err := Decode(bytes.NewReader(good))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d, fixtureDocument()) {
			t.Error("Decode(Encode(d)) != d")
		}
		again, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, good) {
			t.Errorf("re-encoding differs:\n%s", lineDiff(string(good), string(again)))
		}
	})
	for _, tc := range []struct{ name, input, want string }{
		{"not JSON", "{not json", "not a results file"},
		{"no schema", `{"results": []}`, `no "schema" member`},
		{"other version", `{"schema": "jwtconform-results/v9"}`, `results schema "jwtconform-results/v9"`},
		{"wrong type", `{"schema": "jwtconform-results/v2", "results": {}}`, "results:"},
		{"empty", "", "not a results file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tc.input))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Decode(%q): error %v, want one containing %q", tc.input, err, tc.want)
			}
		})
	}
	t.Run("unknown members ignored", func(t *testing.T) {
		in := strings.Replace(string(good), `"schema": "jwtconform-results/v2",`, `"schema": "jwtconform-results/v2", "later": {"x": 1},`, 1)
		if _, err := Decode(strings.NewReader(in)); err != nil {
			t.Errorf("Decode with an added member: %v", err)
		}
	})
}

// TestResultEncoding checks the hand-written encoding of a Result against
// encoding/json's, on error texts that need escaping.
func TestResultEncoding(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"plain", "token is expired"},
		{"quote and backslash", `bad "exp" \ here`},
		{"control", "line\nbreak\ttab\x00nul"},
		{"html", "<b>&amp;</b>"},
		{"unicode", "invalid character 'ï' – “quoted”"},
		{"line separator", "a\u2028b\u2029c"},
		{"invalid UTF-8", "a\xffb"},
		{"empty", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Result{Adapter: "a/" + tc.text, Vector: "v", Mode: "explicit", Verdict: "reject", Class: "other",
				Error: tc.text, RFC: "accept", Profile: "reject", Severity: "interop"}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			e := &lineEncoder{w: bufio.NewWriter(&got)}
			e.result(r)
			if err := e.w.Flush(); err != nil || e.err != nil {
				t.Fatal(err, e.err)
			}
			if w := strings.TrimSuffix(want.String(), "\n"); got.String() != w {
				t.Errorf("mismatch (-want +got):\n-\t%s\n+\t%s", w, got.String())
			}
		})
	}
}
