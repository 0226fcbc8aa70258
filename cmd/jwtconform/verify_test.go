package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/report"
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
				if asymmetricOnly(a.Name) && strings.HasPrefix(tc.alg, "HS") {
					if a.Verdict != adapters.Unsupported || !strings.Contains(a.Error, "no "+tc.alg) || a.Profile != "explained" {
						t.Errorf("%s: %s (%s) %s, want an explained unsupported that names %s", a.Name, a.Verdict, a.Error, a.Profile, tc.alg)
					}
					continue
				}
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

// Tokens from elsewhere, each with the HMAC secret it was signed with.
const (
	// jwtIOToken is jwt.io's classic example, signed with the 19-byte
	// secret "your-256-bit-secret".
	jwtIOToken  = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	jwtIOSecret = "your-256-bit-secret"
	// golang-jwt v5's example_test.go signs with the 11-byte "AllYourBase":
	// ExampleNewWithClaims_registeredClaims, ExampleParseWithClaims_customClaimsType
	// and ExampleParse_errorChecking (an exp of 15000).
	allYourBase              = "AllYourBase"
	golangJWTRegisteredToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ0ZXN0IiwiZXhwIjoxNTE2MjM5MDIyfQ.0XN_1Tpp9FszFOonIBpwha0c_SfnNI22DhTnjMshPg8"
	golangJWTCustomToken     = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmb28iOiJiYXIiLCJpc3MiOiJ0ZXN0IiwiYXVkIjoic2luZ2xlIn0.QAWg1vGvnqRuCFTMcPkjZljXHh8U3L_qUjszOtQbeaA"
	golangJWTExpiredToken    = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJmb28iOiJiYXIiLCJleHAiOjE1MDAwLCJpc3MiOiJ0ZXN0In0.HE7fK0xOQwFEr4WDgRWj4teRPZ6i3GLwD5YCm6Pwu_c"
	// golangJWTPaddedRS256 and golangJWTPaddedES256 are TestSetPadding's
	// padded tokens (golang-jwt v5 parser_test.go): the payload, or the
	// header and payload, keep their "=" padding.
	golangJWTPaddedRS256 = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJmb28iOiJwYWRkZWRiYXIifQ==.20kGGJaYekGTRFf8b0TwhuETcR8lv5z2363X5jf7G1yTWVTwOmte5Ii8L8_OQbYwPoiVHmZY6iJPbt_DhCN42AeFY74BcsUhR-BVrYUVhKK0RppuzEcSlILDNeQsJDLEL035CPm1VO6Jrgk7enQPIctVxUesRgswP71OpGvJxy3j1k_J8p0WzZvRZTe1D_2Misa0UDGwnEIHhmr97fIpMSZjFxlcygQw8QN34IHLHIXMaTY1eiCf4CCr6rOS9wUeu7P3CPkmFq9XhxBT_LLCmIMhHnxP5x27FUJE_JZlfek0MmARcrhpsZS2sFhHAiWrjxjOE27jkDtv1nEwn65wMw=="
	golangJWTPaddedES256 = "eyJ0eXAiOiJKV1QiLCJraWQiOiIxMjM0NTY3OC1hYmNkLTEyMzQtYWJjZC0xMjM0NTY3OGFiY2QiLCJhbGciOiJFUzI1NiIsImlzcyI6Imh0dHBzOi8vY29nbml0by1pZHAuZXUtd2VzdC0yLmFtYXpvbmF3cy5jb20vIiwiY2xpZW50IjoiN0xUY29QWnJWNDR6ZVg2WUs5VktBcHZPM3EiLCJzaWduZXIiOiJhcm46YXdzOmVsYXN0aWNsb2FkYmFsYW5jaW5nIiwiZXhwIjoxNjI5NDcwMTAxfQ==.eyJzdWIiOiIxMjM0NTY3OC1hYmNkLTEyMzQtYWJjZC0xMjM0NTY3OGFiY2QiLCJlbWFpbF92ZXJpZmllZCI6InRydWUiLCJlbWFpbCI6InVzZXJAZXhhbXBsZS5jb20iLCJ1c2VybmFtZSI6IjEyMzQ1Njc4LWFiY2QtMTIzNC1hYmNkLTEyMzQ1Njc4YWJjZCIsImV4cCI6MTYyOTQ3MDEwMSwiaXNzIjoiaHR0cHM6Ly9jb2duaXRvLWlkcC5ldS13ZXN0LTIuYW1hem9uYXdzLmNvbS8ifQ==.sx0muJ754glJvwWgkHaPrOI3L1gaPjRLLUvOQRk0WitnqC5Dtt1knorcbOzlEcH9zwPM2jYYIAYQz_qEyM3grw=="
)

// hs256Over signs the literal signing input header.payload with secret,
// so that a test can build a token whose segments are not what the
// harness would write (padded, for one).
func hs256Over(secret []byte, header, payload string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(header + "." + payload))
	return header + "." + payload + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// verifyJSON runs verify -json and decodes its report; it fails the test
// on any exit status but 0.
func verifyJSON(t *testing.T, keyFile, token string, args ...string) report.TokenReport {
	t.Helper()
	code, stdout, stderr := invoke(t, append([]string{"verify", "-json", "-key", keyFile}, append(args, token)...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return decodeToken(t, stdout)
}

// refusesShortSecret reports whether adapter's library refuses an HMAC
// secret shorter than the hash output (RFC 7518 3.2): go-jose v4 and tink
// (measured: "keySizeInBytes must be at least 32 bytes"). go-jose v3.0.5
// and square go-jose.v2 have no such rule (measured: they verify with a
// 19-byte secret).
func refusesShortSecret(adapter string) bool {
	return strings.HasPrefix(adapter, "go-jose/v4/") || strings.HasPrefix(adapter, "tink/v2/")
}

// requiresIat reports whether adapter's profile requires iat by default
// (tink's iat-in-past path: iat.required=yes), so that a token without
// one is an explained reject/missing_claim, graded policy.
func requiresIat(adapter string) bool { return adapter == "tink/v2/iat-in-past" }

// asymmetricOnly reports whether adapter's library verifies only
// asymmetric algorithms (go-oidc, cap): an HMAC token is unsupported.
func asymmetricOnly(adapter string) bool {
	return strings.HasPrefix(adapter, "go-oidc/") || strings.HasPrefix(adapter, "cap/")
}

// TestVerifyKeyPolicy: go-jose refuses a secret shorter than the hash
// output (RFC 7518 3.2); that is class key, graded policy and explained,
// while the other libraries judge the claims.
func TestVerifyKeyPolicy(t *testing.T) {
	short := []byte("jwtconform-harness-hmac-secret-") // 31 bytes
	for _, tc := range []struct {
		name      string
		token     string
		secret    []byte
		now       string
		refused   bool   // go-jose refuses the key
		wantOther string // what every other adapter gives
	}{
		{"jwt.io example", jwtIOToken, []byte(jwtIOSecret), "1700000000", true, "accept"},
		{"golang-jwt registered claims example", golangJWTRegisteredToken, []byte(allYourBase), "1516239021", true, "accept"},
		{"golang-jwt custom claims example", golangJWTCustomToken, []byte(allYourBase), "1700000000", true, "accept"},
		{"golang-jwt expired example", golangJWTExpiredToken, []byte(allYourBase), "1700000000", true, "reject/expired"},
		{"31-byte secret", hs256Over(short, "eyJhbGciOiJIUzI1NiJ9", "eyJleHAiOjE3MDAwMDAwMDF9"), short, "1700000000", true, "accept"},
		{"32-byte secret", harnessToken(t, "HS256", `{"exp":1700000001}`), jws.HMACSecret, "1700000000", false, "accept"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := verifyJSON(t, writeTemp(t, "secret", tc.secret), tc.token, "-now", tc.now)
			if got := strings.Contains(strings.Join(tr.Hints, "\n"), "RFC 7518 3.2"); got != tc.refused {
				t.Errorf("hint about the key length %t, want %t: %q", got, tc.refused, tr.Hints)
			}
			for _, a := range tr.Adapters {
				got := adapters.Outcome{Verdict: a.Verdict, Class: a.Class}.String()
				want, severity := tc.wantOther, "none"
				switch {
				case refusesShortSecret(a.Name) && tc.refused:
					want, severity = "reject/key", "policy"
				case requiresIat(a.Name) && !strings.Contains(tr.Payload, `"iat"`):
					want, severity = "reject/missing_claim", "policy"
				case asymmetricOnly(a.Name):
					want, severity = "unsupported", "none"
				}
				if got != want || a.Severity != severity || a.Profile != "explained" {
					t.Errorf("%s: %s, severity %s, %s (%s); want %s, severity %s, explained", a.Name, got, a.Severity, a.Profile, a.Error, want, severity)
				}
			}
		})
	}
}

// TestVerifyMalformedToken: a token that is not a well-formed compact JWS
// gets a verdict from every library, which the RFC and every profile
// expect to be a rejection, instead of an exit with status 2.
func TestVerifyMalformedToken(t *testing.T) {
	secret := writeTemp(t, "secret", jws.HMACSecret)
	rsaKey, err := filepath.Abs("testdata/golang-jwt/sample_key.pub")
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := filepath.Abs("testdata/golang-jwt/examplePaddedKey-public.pem")
	if err != nil {
		t.Fatal(err)
	}
	// jwx v3.4.0 decodes base64url with its own decoder, which takes
	// padding too (RFC 7515 2 and 3 say base64url without padding): a
	// finding its profiles declare (base64-padding-accepted), kept here so
	// that a change is noticed.
	jwxV3 := []string{"jwx/v3/jwt", "jwx/v3/jwt-pedantic", "jwx/v3/jwt-precision9"}
	const header = "eyJhbGciOiJIUzI1NiJ9"      // {"alg":"HS256"}
	const payload = "eyJleHAiOjE3MDAwMDAwMDF9" // {"exp":1700000001}
	// dgrijalva/jwt-go v3.2.0's DecodeSegment (token.go:102-108) adds '='
	// padding and decodes with base64.URLEncoding, so a padded segment,
	// which RFC 7515 2 rules out, verifies too; golang-jwt v3.2.2 decodes
	// with RawURLEncoding and rejects it.
	const padded = "jwt-go/v3/mapclaims"
	// kataras/jwt v0.1.12's Base64Decode (token.go:267-277) does the same,
	// so a padded payload verifies; the padded-header token is rejected by
	// CompareHeader (token.go:215-245), which compares the decoded header
	// with the bytes the library writes itself.
	const kataras = "kataras-jwt/v0/verify"
	for _, tc := range []struct {
		name, key, token string
		wantReason       string // in the RFC's reason
		// anyVerdict: a library may accept it too, against the RFC; the
		// test asks only that each gives a verdict.
		anyVerdict bool
		// accepts lists the adapters measured to accept it, against the
		// RFC: their profiles say so (base64-padding-accepted), and the
		// report grades each accept by the claims (wantPadded).
		accepts []string
		// wantPadded is the severity of an accept of the padded token:
		// lenient when its claims pass, graver when they do not.
		wantPadded string
	}{
		{"golang-jwt padded payload (TestSetPadding)", rsaKey, golangJWTPaddedRS256, "payload is not base64url without padding", false, append([]string{padded, kataras}, jwxV3...), "lenient"},
		{"golang-jwt padded header and payload (TestSetPadding)", ecKey, golangJWTPaddedES256, "header is not base64url without padding", false, append([]string{padded}, jwxV3...), "lenient"},
		{"padded payload, signed as written", secret, hs256Over(jws.HMACSecret, header, "eyJleHAiOjE3MDAwMDAwMDEwfQ=="), "payload is not base64url without padding", false, append([]string{padded, kataras}, jwxV3...), "lenient"},
		// The libraries that take padding still judge the time claims: an
		// expired padded token is rejected as expired, which their
		// profiles predict.
		{"padded payload, expired", secret, hs256Over(jws.HMACSecret, header, base64.URLEncoding.EncodeToString([]byte(`{"exp":150000000}`))), "payload is not base64url without padding", false, nil, ""},
		{"padded payload, bad signature", secret, header + "." + base64.URLEncoding.EncodeToString([]byte(`{"exp":150000000}`)) + ".c2ln", "payload is not base64url without padding", false, nil, ""},
		{"two parts", secret, header + "." + payload, "want three dot-separated parts, got 2", false, nil, ""},
		{"five parts", secret, header + "." + payload + ".a.b.c", "want three dot-separated parts, got 5", false, nil, ""},
		{"header not base64url", secret, "!!!." + payload + ".sig", "header is not base64url", false, nil, ""},
		{"header not JSON", secret, "bm90IGpzb24." + payload + ".sig", "header is not a JSON object", false, nil, ""},
		// jwx v2 verifies it with the algorithm jwt.WithKey names, though
		// RFC 7515 4.1.1 says alg MUST be present: shown, not hidden.
		{"header without alg", secret, hs256Over(jws.HMACSecret, "eyJ0eXAiOiJKV1QifQ", payload), "header names no alg", true, nil, ""},
		{"signature not base64url", secret, header + "." + payload + ".s*g", "signature is not base64url", false, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := verifyJSON(t, tc.key, tc.token, "-now", "1600000000")
			if tr.RFC.Verdict != "reject" || !slices.Equal(tr.RFC.Classes, []adapters.Class{adapters.MalformedToken}) || !strings.Contains(tr.RFC.Reason, tc.wantReason) {
				t.Errorf("rfc %s %v %q, want reject [malformed_token] with %q", tr.RFC.Verdict, tr.RFC.Classes, tr.RFC.Reason, tc.wantReason)
			}
			ran := 0
			for _, a := range tr.Adapters {
				if a.Verdict == adapters.Unsupported {
					// The token's alg is one the adapter cannot verify
					// (an HMAC token for go-oidc and cap).
					if !asymmetricOnly(a.Name) {
						t.Errorf("%s: unsupported (%s)", a.Name, a.Error)
					}
					continue
				}
				ran++
				if tc.anyVerdict && a.Verdict == adapters.Accept {
					continue
				}
				if slices.Contains(tc.accepts, a.Name) {
					if a.Verdict != adapters.Accept {
						t.Errorf("%s: %s/%s (%s); measured to accept it: update the list", a.Name, a.Verdict, a.Class, a.Error)
					}
					if a.Profile != "explained" || a.Severity != tc.wantPadded || !slices.Contains(a.RootCauses, "base64-padding-accepted") {
						t.Errorf("%s: %s, severity %s, root causes %v; want explained, %s, base64-padding-accepted among them", a.Name, a.Profile, a.Severity, a.RootCauses, tc.wantPadded)
					}
					continue
				}
				if a.Verdict != adapters.Reject || a.Class == "" || a.Profile != "explained" || a.Severity != "none" {
					t.Errorf("%s: %s/%s, severity %s, %s (%s); want an explained reject", a.Name, a.Verdict, a.Class, a.Severity, a.Profile, a.Error)
				}
			}
			if ran == 0 {
				t.Fatal("no adapter ran")
			}
		})
	}
}

// TestVerifyNewlineHint: when the signature does not verify and the secret
// file ends with a newline, the output says so; the verdicts are those of
// the exact bytes.
func TestVerifyNewlineHint(t *testing.T) {
	harness := harnessToken(t, "HS256", `{"exp":1700000001}`)
	withNewline := append(append([]byte{}, jws.HMACSecret...), '\n')
	for _, tc := range []struct {
		name   string
		token  string
		secret []byte
		want   string // in a hint; empty: no newline hint
		wantOK bool   // the signature verifies (the adapters accept)
	}{
		{"harness secret written with echo", harness, withNewline, "without the newline the signature verifies", false},
		{"harness secret with CRLF", harness, append(append([]byte{}, jws.HMACSecret...), '\r', '\n'), "without the newline the signature verifies", false},
		{"jwt.io secret written with echo", jwtIOToken, []byte(jwtIOSecret + "\n"), "without the newline the signature verifies", false},
		{"wrong secret written with echo", harness, []byte("not-the-harness-secret-at-all!!!\n"), "does not verify without the newline either", false},
		{"wrong secret without a newline", harness, []byte("not-the-harness-secret-at-all!!!"), "", false},
		{"right secret", harness, jws.HMACSecret, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := verifyJSON(t, writeTemp(t, "secret", tc.secret), tc.token, "-now", "1700000000")
			var hint string
			for _, h := range tr.Hints {
				if strings.Contains(h, "newline") {
					hint = h
				}
			}
			if (tc.want == "" && hint != "") || !strings.Contains(hint, tc.want) {
				t.Errorf("newline hint %q, want one with %q", hint, tc.want)
			}
			wantRFC := oracle.Reject
			if tc.wantOK {
				wantRFC = oracle.Accept
			}
			if tr.RFC.Verdict != wantRFC {
				t.Errorf("rfc %s (%s), want %s", tr.RFC.Verdict, tr.RFC.Reason, wantRFC)
			}
			for _, a := range tr.Adapters {
				if a.Profile != "explained" {
					t.Errorf("%s: %s/%s unexplained (%s)", a.Name, a.Verdict, a.Class, a.Error)
				}
				if asymmetricOnly(a.Name) {
					if a.Verdict != adapters.Unsupported {
						t.Errorf("%s: %s/%s on an HS256 token, want unsupported", a.Name, a.Verdict, a.Class)
					}
					continue
				}
				if requiresIat(a.Name) && a.Class == adapters.MissingClaim {
					continue // the harness token has no iat
				}
				if got := a.Verdict == adapters.Accept; got != tc.wantOK && !(refusesShortSecret(a.Name) && a.Class == adapters.KeyRefused) {
					t.Errorf("%s: %s/%s, want accepted %t", a.Name, a.Verdict, a.Class, tc.wantOK)
				}
			}
		})
	}
	t.Run("text output", func(t *testing.T) {
		code, stdout, stderr := invoke(t, "verify", "-key", writeTemp(t, "secret", withNewline), "-now", "1700000000", harness)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "\nhint: the secret file ends with a newline") {
			t.Errorf("no hint line in:\n%s", stdout)
		}
	})
}
