package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// TestMain pins the clock that check and verify default to, so that no
// test reads the wall clock.
func TestMain(m *testing.M) {
	wallClock = func() time.Time { return time.Unix(1700000000, 250_000_000) }
	os.Exit(m.Run())
}

// invoke runs the command line and returns the exit status and output.
func invoke(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// writeFile writes a test input file and returns its path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// harnessToken signs payload with the harness key for alg.
func harnessToken(t *testing.T, alg, payload string) string {
	t.Helper()
	s, err := jws.SignerFor(alg)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jws.Sign(s, []byte(payload))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// publicPEM is the PEM public key of the harness signer for alg.
func publicPEM(t *testing.T, alg string) []byte {
	t.Helper()
	s, err := jws.SignerFor(alg)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(s.Public)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// publicJWK is the JWK of the harness signer for alg.
func publicJWK(t *testing.T, alg string) []byte {
	t.Helper()
	s, err := jws.SignerFor(alg)
	if err != nil {
		t.Fatal(err)
	}
	b64 := base64.RawURLEncoding.EncodeToString
	var k map[string]string
	switch pub := s.Public.(type) {
	case *rsa.PublicKey:
		k = map[string]string{"kty": "RSA", "n": b64(pub.N.Bytes()), "e": b64(big.NewInt(int64(pub.E)).Bytes())}
	case *ecdsa.PublicKey:
		raw, err := pub.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		k = map[string]string{"kty": "EC", "crv": "P-256", "x": b64(raw[1:33]), "y": b64(raw[33:])}
	case ed25519.PublicKey:
		k = map[string]string{"kty": "OKP", "crv": "Ed25519", "x": b64(pub)}
	case []byte:
		k = map[string]string{"kty": "oct", "k": b64(pub)}
	}
	b, err := json.Marshal(map[string]any{"keys": []any{k}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBadInput checks that every kind of bad input gives exit status 2
// and one line on stderr, never a stack trace.
func TestBadInput(t *testing.T) {
	secret := writeTemp(t, "secret", jws.HMACSecret)
	rsaPEM := writeTemp(t, "rsa.pem", publicPEM(t, "RS256"))
	badJWK := writeTemp(t, "bad.jwk", []byte(`{"kty": "RSA", "n": `))
	notResults := writeTemp(t, "other.json", []byte(`{"hello": "world"}`))
	malformed := writeTemp(t, "malformed.json", []byte(`{"schema": "jwtconform-results/v1", `))
	token := harnessToken(t, "HS256", `{"exp":1700000001}`)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"run", "-colour"}, "flag provided but not defined: -colour"},
		{"unknown adapter pattern", []string{"run", "-adapter", "nosuch/*"}, `-adapter "nosuch/*" matches no adapter`},
		{"unknown vector pattern", []string{"run", "-vectors", "nosuch/*"}, `-vectors "nosuch/*" matches no vector`},
		{"run argument", []string{"run", "extra"}, "run: want no arguments"},
		{"unknown resource sweep", []string{"run", "-resources", "huge"}, `-resources "huge": want off, quick`},
		{"check without payload", []string{"check"}, "-payload is required"},
		{"check unreadable payload file", []string{"check", "-payload", "@/nonexistent/payload.json"}, "no such file or directory"},
		{"check bad duration", []string{"check", "-payload", "{}", "-leeway", "five minutes"}, `invalid value "five minutes" for flag -leeway`},
		{"check negative leeway", []string{"check", "-payload", "{}", "-leeway", "-5s"}, "-leeway -5s is negative"},
		{"check bad clock", []string{"check", "-payload", "{}", "-now", "yesterday"}, `-now: "yesterday" is not decimal seconds`},
		{"check unknown claim", []string{"check", "-payload", "{}", "-require", "exp,aud"}, `unknown claim "aud"`},
		{"check unknown alg", []string{"check", "-payload", "{}", "-alg", "HS1024"}, `no harness key for alg "HS1024"`},
		{"check unknown adapter", []string{"check", "-payload", "{}", "-adapter", "nosuch"}, "matches no adapter"},
		{"verify without key", []string{"verify", token}, "-key is required"},
		{"verify without token", []string{"verify", "-key", secret}, "want one TOKEN"},
		{"verify unreadable key", []string{"verify", "-key", "/nonexistent/key", token}, "no such file or directory"},
		{"verify empty token", []string{"verify", "-key", secret, " "}, "the TOKEN is empty"},
		{"verify unsigned token", []string{"verify", "-key", secret, "eyJhbGciOiJub25lIn0.e30."}, "an unsigned token cannot be verified"},
		{"verify malformed JWK", []string{"verify", "-key", badJWK, token}, "not a JWK"},
		{"verify key of the wrong kind", []string{"verify", "-key", rsaPEM, token}, "token alg HS256 needs an HMAC secret, the file holds an RSA public key"},
		{"verify bad duration", []string{"verify", "-key", secret, "-leeway", "1 fortnight", token}, `invalid value "1 fortnight" for flag -leeway`},
		{"diff one file", []string{"diff", notResults}, "want OLD.json NEW.json"},
		{"diff unreadable file", []string{"diff", "/nonexistent/old.json", notResults}, "no such file or directory"},
		{"diff malformed JSON", []string{"diff", malformed, malformed}, "not a results file"},
		{"diff not a results file", []string{"diff", notResults, notResults}, `no "schema" member`},
		{"list nothing", []string{"list"}, "want adapters or vectors"},
		{"list unknown", []string{"list", "flavours"}, `unknown list "flavours"`},
		{"profile without adapter", []string{"profile"}, "-adapter is required"},
		{"profile of several adapters", []string{"profile", "-adapter", "golang-jwt/*"}, "matches 3 adapters; name one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := invoke(t, tc.args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2; stderr: %s", code, stderr)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "jwtconform: ") {
				t.Errorf("stderr is not one line starting with %q: %q", "jwtconform: ", stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q lacks %q", stderr, tc.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stderr holds a stack trace: %q", stderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"check", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, _ := invoke(t, args...)
			if code != 0 || !strings.Contains(stdout, "jwtconform check -payload") {
				t.Errorf("exit %d, stdout %q", code, stdout)
			}
		})
	}
}

func TestList(t *testing.T) {
	for _, tc := range []struct{ what, want string }{
		{"adapters", "golang-jwt/v5/mapclaims"},
		{"vectors", "exp-boundary/exp-equals-now"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			code, stdout, stderr := invoke(t, "list", tc.what)
			if code != 0 || !strings.Contains(stdout, tc.want) {
				t.Errorf("exit %d, stdout lacks %q; stderr %q", code, tc.want, stderr)
			}
		})
	}
}

// TestProfileProposesExplainingPresets checks the proposed profile parses
// once its reasons are written, and names the leeway go-jose's Validate
// adds.
func TestProfileProposesExplainingPresets(t *testing.T) {
	code, stdout, stderr := invoke(t, "profile", "-adapter", "go-jose/v4/validate", "-vectors", "exp-boundary/*")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	p, err := conformance.ParseProfile("proposed", []byte(stdout))
	if err != nil {
		t.Fatalf("the proposed profile does not parse: %v\n%s", err, stdout)
	}
	var got []string
	for _, d := range p.Deviations {
		got = append(got, d.ID)
	}
	if !slices.Contains(got, "default-leeway-1m") {
		t.Errorf("proposed %v, want default-leeway-1m among them", got)
	}
}
