package main

import (
	"cmp"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/all"
	"github.com/jwtconform/jwtconform/report"
)

// decodeToken parses the -json output of check or verify.
func decodeToken(t *testing.T, stdout string) report.TokenReport {
	t.Helper()
	var tr report.TokenReport
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tr); err != nil {
		t.Fatalf("output is not one TokenReport object: %v\n%s", err, stdout)
	}
	return tr
}

func TestCheck(t *testing.T) {
	payloadFile := writeTemp(t, "payload.json", []byte(`{"exp":1700000000}`))
	for _, tc := range []struct {
		name        string
		args        []string
		wantRFC     string
		wantLeeway  string // "" for null
		wantNow     string
		wantVerdict map[string]string // adapter -> verdict
		wantAlg     map[string]string // adapter -> the alg it verified; "*" for the others
	}{
		{"exp equals now, explicit", []string{"-payload", `{"exp":1700000000}`, "-now", "1700000000", "-leeway", "0s"},
			"reject", "0s", "1700000000",
			map[string]string{"golang-jwt/v5/mapclaims": "reject", "go-jose/v4/leeway": "accept", "go-jose/v4/validate": "unsupported"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"payload from a file, defaults", []string{"-payload", "@" + payloadFile, "-now", "1700000000"},
			"reject", "", "1700000000",
			map[string]string{"golang-jwt/v5/mapclaims": "reject", "go-jose/v4/validate": "accept", "cap/v0/validate": "accept"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"leeway covers it", []string{"-payload", `{"exp":1700000000}`, "-now", "1700000030", "-leeway", "1m"},
			"accept", "1m0s", "1700000030",
			map[string]string{"golang-jwt/v5/mapclaims": "accept", "jwx/v2/jwt": "accept", "cap/v0/validate": "accept"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"required claim missing", []string{"-payload", `{"nbf":1600000000}`, "-now", "1700000000", "-require", "exp"},
			"reject", "0s", "1700000000",
			map[string]string{"golang-jwt/v5/mapclaims": "reject", "jwx/v2/jwt": "reject"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"clock defaults to now in whole seconds", []string{"-payload", `{}`},
			"accept", "", "1700000000", map[string]string{"jwx/v2/jwt": "accept"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"max age exceeded", []string{"-payload", `{"iat":1699996399}`, "-now", "1700000000", "-max-age", "1h"},
			"reject", "0s", "1700000000",
			map[string]string{"jwx/v2/jwt": "reject", "jwx/v3/jwt": "reject", "golang-jwt/v5/mapclaims": "unsupported"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"max lifetime kept", []string{"-payload", `{"iat":1699999000,"exp":1700002600}`, "-now", "1700000000", "-max-lifetime", "1h"},
			"accept", "0s", "1700000000",
			map[string]string{"jwx/v3/jwt": "accept", "go-jose/v4/leeway": "unsupported"}, map[string]string{"*": "HS256", "cap/v0/validate": "RS256", "cap/v0/allow-missing": "RS256", "go-oidc/v3/verifier": "RS256"}},
		{"other harness key", []string{"-payload", `{"exp":1700000001}`, "-now", "1700000000", "-alg", "ES256"},
			"accept", "", "1700000000", map[string]string{"golang-jwt/v5/mapclaims": "accept", "go-jose/v4/leeway": "accept", "cap/v0/validate": "accept", "go-oidc/v3/verifier": "accept"}, map[string]string{"*": "ES256"}},
		// An algorithm an adapter cannot verify is unsupported for it, with why.
		{"-alg for all, HS256", []string{"-payload", `{"exp":1700000001}`, "-now", "1700000000", "-alg", "HS256"},
			"accept", "", "1700000000", map[string]string{"golang-jwt/v5/mapclaims": "accept", "cap/v0/validate": "unsupported", "go-oidc/v3/verifier": "unsupported"}, map[string]string{"*": "HS256"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := invoke(t, append([]string{"check", "-json"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			tr := decodeToken(t, stdout)
			if string(tr.RFC.Verdict) != tc.wantRFC {
				t.Errorf("rfc verdict %s, want %s (%s)", tr.RFC.Verdict, tc.wantRFC, tr.RFC.Reason)
			}
			if lw := tr.Leeway; (lw == nil) != (tc.wantLeeway == "") || lw != nil && *lw != tc.wantLeeway {
				t.Errorf("leeway %v, want %q", lw, tc.wantLeeway)
			}
			if tr.Now != tc.wantNow {
				t.Errorf("now %s, want %s", tr.Now, tc.wantNow)
			}
			if n := len(all.Adapters()); len(tr.Adapters) != n {
				t.Errorf("%d adapters, want %d", len(tr.Adapters), n)
			}
			for _, a := range tr.Adapters {
				if want, ok := tc.wantVerdict[a.Name]; ok && string(a.Verdict) != want {
					t.Errorf("%s: verdict %s, want %s (%s)", a.Name, a.Verdict, want, a.Error)
				}
				if a.Profile != "explained" {
					t.Errorf("%s: %s is unexplained by its profile (predicted %s)", a.Name, a.Verdict, a.Predicted)
				}
				if a.Module == "" || a.Version == "" {
					t.Errorf("%s: module %q version %q", a.Name, a.Module, a.Version)
				}
				if alg := cmp.Or(a.Alg, tr.Alg); alg != tc.wantAlg[a.Name] && alg != tc.wantAlg["*"] {
					t.Errorf("%s: signed with %s, want %s", a.Name, alg, cmp.Or(tc.wantAlg[a.Name], tc.wantAlg["*"]))
				}
			}
		})
	}
	t.Run("text", func(t *testing.T) {
		code, stdout, stderr := invoke(t, "check", "-payload", `{"exp":1700000000}`, "-now", "1700000000", "-leeway", "0s", "-adapter", "go-jose/*")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// exp == now: go-jose includes the boundary, which the RFC's "small
		// leeway" permits: a policy, named by its root cause.
		for _, want := range []string{"RFC 7519: reject (expired)", "go-jose/v4/leeway", "accept", "policy", "exp-inclusive"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("output lacks %q:\n%s", want, stdout)
			}
		}
		if strings.Contains(stdout, "golang-jwt") {
			t.Errorf("-adapter go-jose/* still shows golang-jwt:\n%s", stdout)
		}
		if strings.Contains(stdout, "ALG") {
			t.Errorf("one algorithm for every adapter, yet an ALG column:\n%s", stdout)
		}
	})
	t.Run("text, an algorithm per adapter", func(t *testing.T) {
		code, stdout, stderr := invoke(t, "check", "-payload", `{"exp":1700000001}`, "-now", "1700000000", "-adapter", "go-oidc/*")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, want := range []string{"alg      RS256\n", "go-oidc/v3/verifier", "accept"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("output lacks %q:\n%s", want, stdout)
			}
		}
		code, stdout, stderr = invoke(t, "check", "-payload", `{"exp":1700000001}`, "-now", "1700000000")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, want := range []string{"alg      HS256 (other adapters: see ALG)", "ALG", "RS256"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("output lacks %q:\n%s", want, stdout)
			}
		}
	})
}
