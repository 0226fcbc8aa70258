package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
)

// tokenFixture is the report of the first fixture vector in mode m.
func tokenFixture(m conformance.Mode) TokenReport {
	in := fixture()
	v := in.Vectors[0]
	var rs []conformance.Result
	for _, r := range in.Results {
		if r.Vector == v.ID && r.Mode == m {
			rs = append(rs, r)
		}
	}
	return NewTokenReport(TokenInput{Token: rs[0].Token, Alg: "HS256", Payload: v.Payload, Query: rs[0].Query,
		RFC: rs[0].RFC, Subjects: in.Subjects, Results: rs})
}

func TestTokenJSON(t *testing.T) {
	for _, tc := range []struct {
		mode       conformance.Mode
		wantLeeway any
	}{{conformance.Explicit, "0s"}, {conformance.Defaults, nil}} {
		t.Run(string(tc.mode), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteTokenJSON(&b, tokenFixture(tc.mode)); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Payload  string         `json:"payload"`
				Now      string         `json:"now"`
				Leeway   any            `json:"leeway"`
				RFC      map[string]any `json:"rfc"`
				Adapters []map[string]any
			}
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Payload != `{"exp":1700000000}` || got.Now != "1700000000" || got.Leeway != tc.wantLeeway {
				t.Errorf("payload %q now %q leeway %v", got.Payload, got.Now, got.Leeway)
			}
			if got.RFC["verdict"] != string(oracle.Reject) || !strings.Contains(got.RFC["reason"].(string), "RFC 7519 4.1.4") {
				t.Errorf("rfc %v", got.RFC)
			}
			if len(got.Adapters) != 2 {
				t.Fatalf("%d adapters, want 2", len(got.Adapters))
			}
			want := map[string]any{"name": "alpha/v1", "module": "example.com/alpha", "version": "v1.2.3",
				"verdict": "accept", "predicted": "accept", "profile": "explained", "severity": "policy"}
			for k, v := range want {
				if got.Adapters[0][k] != v {
					t.Errorf("adapters[0].%s = %v, want %v", k, got.Adapters[0][k], v)
				}
			}
			if rc := got.Adapters[0]["rootCauses"]; fmt.Sprint(rc) != "[exp-inclusive]" {
				t.Errorf("adapters[0].rootCauses = %v, want [exp-inclusive]", rc)
			}
		})
	}
}

func TestTokenText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTokenText(&b, tokenFixture(conformance.Defaults)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"leeway   library default",
		"RFC 7519: reject (expired)",
		"alpha/v1  v1.2.3       accept          policy    explained  exp-inclusive",
		"beta/v2   v2.0.0-rc.1  reject/expired  none      explained  -              token is expired",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
}
