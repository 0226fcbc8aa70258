package main

import (
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/internal/jws"
)

func TestVerify(t *testing.T) {
	const payload = `{"exp":1700000000,"iat":1699990000}`
	for _, tc := range []struct {
		name     string
		alg      string
		key      []byte
		args     []string
		wantRFC  string
		wantAll  string // the verdict every adapter that runs gives
		wantSig  bool   // the RFC reason is the signature
		tokenArg func(string) string
	}{
		{"HS256 secret file, expired", "HS256", jws.HMACSecret, []string{"-now", "1700000001", "-leeway", "0s"}, "reject", "reject", false, nil},
		{"HS256 JWK, valid", "HS256", nil, []string{"-now", "1699999999", "-leeway", "0s"}, "accept", "accept", false, nil},
		{"RS256 PEM", "RS256", nil, []string{"-now", "1699999999", "-leeway", "0s"}, "accept", "accept", false, nil},
		{"RS256 JWK set", "RS256", nil, []string{"-now", "1699999999", "-leeway", "0s"}, "accept", "accept", false, nil},
		{"ES256 JWK", "ES256", nil, []string{"-now", "1699999999", "-leeway", "0s"}, "accept", "accept", false, nil},
		{"EdDSA PEM", "EdDSA", nil, []string{"-now", "1699999999", "-leeway", "0s"}, "accept", "accept", false, nil},
		{"token from a file, flags after it", "HS256", jws.HMACSecret, nil, "accept", "accept", false, func(tok string) string {
			return "@" + writeTemp(t, "token", []byte(tok+"\n"))
		}},
		{"wrong secret", "HS256", []byte("not-the-harness-secret-at-all!!!"), []string{"-now", "1699999999", "-leeway", "0s"}, "reject", "reject", true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			token := harnessToken(t, tc.alg, payload)
			var keyFile string
			switch {
			case tc.key != nil:
				keyFile = writeTemp(t, "key", tc.key)
			case strings.Contains(tc.name, "PEM"):
				keyFile = writeTemp(t, "key.pem", publicPEM(t, tc.alg))
			default:
				keyFile = writeTemp(t, "key.jwk", publicJWK(t, tc.alg))
			}
			args := append([]string{"verify", "-json", "-key", keyFile}, tc.args...)
			if tc.tokenArg != nil {
				args = append(args, tc.tokenArg(token), "-now", "1699999999")
			} else {
				args = append(args, token)
			}
			code, stdout, stderr := invoke(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			tr := decodeToken(t, stdout)
			if string(tr.RFC.Verdict) != tc.wantRFC {
				t.Errorf("rfc %s, want %s (%s)", tr.RFC.Verdict, tc.wantRFC, tr.RFC.Reason)
			}
			if got := strings.Contains(tr.RFC.Reason, "signature does not verify"); got != tc.wantSig {
				t.Errorf("rfc reason %q: about the signature %t, want %t", tr.RFC.Reason, got, tc.wantSig)
			}
			if tr.Alg != tc.alg || tr.Payload != payload {
				t.Errorf("alg %s payload %s", tr.Alg, tr.Payload)
			}
			for _, a := range tr.Adapters {
				if a.Verdict == "unsupported" {
					continue
				}
				if string(a.Verdict) != tc.wantAll {
					t.Errorf("%s: %s (%s), want %s", a.Name, a.Verdict, a.Error, tc.wantAll)
				}
				if tc.wantSig && (a.Class != "signature" || a.Severity != "none" || a.Profile != "explained") {
					t.Errorf("%s: class %s severity %s profile %s, want signature, none, explained", a.Name, a.Class, a.Severity, a.Profile)
				}
			}
		})
	}
}
