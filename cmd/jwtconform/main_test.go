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
	malformed := writeTemp(t, "malformed.json", []byte(`{"schema": "jwtconform-results/v2", `))
	token := harnessToken(t, "HS256", `{"exp":1700000001}`)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"run", "-colour"}, "run: flag provided but not defined: -colour (see 'jwtconform run -h')"},
		{"unknown flag of check", []string{"check", "-payload", "{}", "--colour"}, "check: flag provided but not defined: -colour (see 'jwtconform check -h')"},
		{"help for an unknown command", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{"run zero timeout", []string{"run", "-timeout", "0s"}, "-timeout 0s: want a positive duration"},
		{"run negative timeout", []string{"run", "-timeout", "-1s"}, "-timeout -1s: want a positive duration"},
		{"run -out is a file", []string{"run", "-out", notResults}, "-out: mkdir " + notResults + ": not a directory"},
		{"run -out under a file", []string{"run", "-out", filepath.Join(notResults, "sub")}, "not a directory"},
		{"unknown adapter pattern", []string{"run", "-adapter", "nosuch/*"}, `-adapter "nosuch/*" matches no adapter`},
		{"unknown vector pattern", []string{"run", "-vectors", "nosuch/*"}, `-vectors "nosuch/*" matches no vector`},
		{"run argument", []string{"run", "extra"}, "run: want no arguments"},
		{"unknown -fail-on", []string{"run", "-fail-on", "unexplained,flaky"}, `-fail-on: unknown condition "flaky"`},
		{"-fail-on never with another", []string{"run", "-fail-on", "never,changed"}, "never cannot be combined"},
		{"unknown resource sweep", []string{"run", "-resources", "huge"}, `-resources "huge": want off, quick`},
		{"check without payload", []string{"check"}, "-payload is required"},
		{"check unreadable payload file", []string{"check", "-payload", "@/nonexistent/payload.json"}, "no such file or directory"},
		{"check bad duration", []string{"check", "-payload", "{}", "-leeway", "five minutes"}, `invalid value "five minutes" for flag -leeway`},
		{"check zero max age", []string{"check", "-payload", "{}", "-max-age", "0s"}, "-max-age 0s is not positive"},
		{"check negative max lifetime", []string{"check", "-payload", "{}", "-max-lifetime", "-1h"}, "-max-lifetime -1h0m0s is not positive"},
		{"check negative leeway", []string{"check", "-payload", "{}", "-leeway", "-5s"}, "-leeway -5s is negative"},
		{"check bad clock", []string{"check", "-payload", "{}", "-now", "yesterday"}, `-now: "yesterday" is not decimal seconds`},
		{"check empty clock", []string{"check", "-payload", "{}", "-now", ""}, "-now is empty"},
		{"check blank clock", []string{"check", "-payload", "{}", "-now= "}, "-now is empty"},
		{"check zero timeout", []string{"check", "-payload", "{}", "-timeout", "0s"}, "-timeout 0s: want a positive duration"},
		{"check negative timeout", []string{"check", "-payload", "{}", "-timeout", "-1s"}, "-timeout -1s: want a positive duration"},
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
		{"verify empty clock", []string{"verify", "-key", secret, "-now", "", token}, "-now is empty"},
		{"verify zero timeout", []string{"verify", "-key", secret, "-timeout", "0s", token}, "-timeout 0s: want a positive duration"},
		{"verify negative timeout", []string{"verify", "-key", secret, "-timeout=-1s", token}, "-timeout -1s: want a positive duration"},
		{"diff one file", []string{"diff", notResults}, "want OLD.json NEW.json"},
		{"diff -md and -json", []string{"diff", "-md", "-json", notResults, notResults}, "-md and -json exclude each other"},
		{"diff unreadable file", []string{"diff", "/nonexistent/old.json", notResults}, "no such file or directory"},
		{"diff malformed JSON", []string{"diff", malformed, malformed}, "not a results file"},
		{"diff not a results file", []string{"diff", notResults, notResults}, `no "schema" member`},
		{"list nothing", []string{"list"}, "want adapters or vectors"},
		{"list unknown", []string{"list", "flavours"}, `unknown list "flavours"`},
		{"profile without adapter", []string{"profile"}, "-adapter is required"},
		{"profile of several adapters", []string{"profile", "-adapter", "golang-jwt/*"}, "matches 8 adapters; name one"},
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

// TestHelp checks that -h, -help and --help print the global usage or
// the command's own, with every flag and its default, on stdout with exit
// status 0.
func TestHelp(t *testing.T) {
	global := []string{"Commands:", "Run 'jwtconform <command> -h' for a command's flags", "Exit status:"}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"help"}, global},
		{[]string{"-h"}, global},
		{[]string{"-help"}, global},
		{[]string{"--help"}, global},
		{[]string{"run", "-h"}, []string{"usage: jwtconform [run] [flags]",
			"-timeout DURATION bound on one library call, a positive DURATION (default 2s)",
			"-properties report the property results go test recorded (profiles/*.record.jsonl), replaying each counterexample (default true)",
			"-fuzz replay the committed fuzz corpus and list its findings (default true)",
			`-resources SWEEP resource-exhaustion SWEEP: off, quick`, `(default "off")`,
			`-out DIR DIR to write results.json, report.md and report.html into; created if need be (default "jwtconform-report")`,
			`-adapter PATTERN adapters to run`, `-vectors PATTERN vectors to run`,
			"-timestamp record the current time in results.json (two runs then differ) (default false)",
			"-q show no progress on stderr",
			`-fail-on CONDITIONS CONDITIONS that give exit status 1 once the reports are written, comma-separated: unexplained`, `(default "unexplained,changed")`}},
		{[]string{"run", "-help"}, []string{"usage: jwtconform [run] [flags]", "-timeout DURATION"}},
		{[]string{"run", "--help"}, []string{"usage: jwtconform [run] [flags]", "-timeout DURATION"}},
		{[]string{"-out", "x", "-h"}, []string{"usage: jwtconform [run] [flags]"}},
		{[]string{"help", "run"}, []string{"usage: jwtconform [run] [flags]"}},
		{[]string{"check", "-h"}, []string{"usage: jwtconform check -payload JSON|@FILE [flags]",
			`-alg ALG the ALG to sign with for every adapter, using its harness key: ES256, EdDSA, HS256, RS256 (default: the one the harness uses for each adapter, the first it declares)`,
			"-payload JSON the exact claims set as JSON, or @FILE to read it from a file (required)",
			"-now SECONDS clock as decimal SECONDS since the epoch, such as 1700000000.5 (default: the current time, in whole seconds)",
			"-leeway DURATION", "-require CLAIMS", "-json print one JSON object (default false)", "-timeout DURATION"}},
		{[]string{"verify", "--help"}, []string{"usage: jwtconform verify -key FILE [flags] TOKEN|@FILE", "-key FILE", "-now SECONDS", "-timeout DURATION"}},
		{[]string{"diff", "-h"}, []string{"usage: jwtconform diff [-md|-json] OLD.json NEW.json", "Exit status 1 when a verdict or a grade changed",
			"Exit status 0 when nothing changed or only informational things did", "unsupported ↔ a verdict",
			"-md write Markdown for a job summary", "-json write one JSON object (schema jwtconform-diff/v1)"}},
		{[]string{"list", "-h"}, []string{"usage: jwtconform list adapters|vectors"}},
		{[]string{"profile", "-h"}, []string{"usage: jwtconform profile -adapter NAME [flags]", "-adapter NAME", `-vectors PATTERN vectors to run: a PATTERN over their ids, such as 'exp-boundary/*' (default "*")`}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := invoke(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
			}
			// Compare with the line breaks of the wrapped text taken out.
			flat := oneLine(stdout)
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("help lacks %q:\n%s", w, stdout)
				}
			}
			if !strings.Contains(stdout, "Commands:") {
				return
			}
			// The global usage gives each command one line.
			for _, c := range commands {
				if !slices.ContainsFunc(strings.Split(stdout, "\n"), func(l string) bool {
					return strings.HasPrefix(l, "  "+c.name+" ") && strings.HasSuffix(l, " "+c.summary)
				}) {
					t.Errorf("no line %q in the usage:\n%s", c.name+"  "+c.summary, stdout)
				}
			}
		})
	}
}

// TestEveryFlagInHelp checks that each command's -h names every flag it
// defines with its default, so that no flag is left out of the help.
func TestEveryFlagInHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, _ := invoke(t, c.name, "-h")
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			n := 0
			for _, line := range strings.Split(stdout, "\n") {
				if !strings.HasPrefix(line, "  -") {
					continue
				}
				n++
				name := strings.Fields(line)[0]
				// The flag's description ends in its default or says
				// what happens without it.
				rest := stdout[strings.Index(stdout, line)+len(line):]
				if next := strings.Index(rest, "\n  -"); next >= 0 {
					rest = rest[:next]
				}
				if !strings.Contains(rest, "default") && !strings.Contains(rest, "(required)") {
					t.Errorf("%s %s: no default in %q", c.name, name, rest)
				}
			}
			if n == 0 && c.name != "list" {
				t.Errorf("%s -h lists no flags:\n%s", c.name, stdout)
			}
		})
	}
}

// TestExitStatus pins the exit status of each kind of outcome the README
// and the global usage describe: 0 for a judged token whatever the
// libraries did (a malformed claims set and a bad signature included), 1
// for a changed verdict in diff (see TestDiff), 2 for bad input (see
// TestBadInput).
func TestExitStatus(t *testing.T) {
	secret := writeTemp(t, "secret", jws.HMACSecret)
	otherSecret := writeTemp(t, "other", []byte("not the harness secret, 32 bytes"))
	token := harnessToken(t, "HS256", `{"exp":1700000001}`)
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		want     string // in stdout
	}{
		{"check malformed JSON is judged", []string{"check", "-payload", `{"exp":`, "-now", "1700000000"}, 0, "RFC 7519: reject"},
		{"check not an object is judged", []string{"check", "-payload", `[1700000000]`, "-now", "1700000000"}, 0, "RFC 7519: reject"},
		{"check invalid UTF-8 is judged", []string{"check", "-payload", "{\"exp\":1700000001,\"x\":\"\xff\"}", "-now", "1700000000"}, 0, "RFC 7519: reject"},
		// golang-jwt's MapClaims reads exp 0 as absent: an expired token passes.
		{"check a security finding", []string{"check", "-payload", `{"exp":0}`, "-now", "1700000000", "-leeway", "0s"}, 0, "zero-as-absent"},
		{"verify a good token", []string{"verify", "-key", secret, "-now", "1700000000", token}, 0, "RFC 7519: accept"},
		{"verify a bad signature", []string{"verify", "-key", otherSecret, "-now", "1700000000", token}, 0, "RFC 7519: reject"},
		{"list", []string{"list", "adapters"}, 0, "jwx/v2/jwt"},
		{"help", []string{"help"}, 0, "Commands:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := invoke(t, tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stdout, tc.want) {
				t.Errorf("stdout lacks %q:\n%s", tc.want, stdout)
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

// TestOutNotWritable checks that a folder run cannot write into is bad
// input found before the run, and that the check leaves no file behind in
// a folder it can write into.
func TestOutNotWritable(t *testing.T) {
	ok := t.TempDir()
	if err := checkWritable(ok); err != nil {
		t.Fatalf("checkWritable(%s): %v", ok, err)
	}
	if left, err := os.ReadDir(ok); err != nil || len(left) != 0 {
		t.Errorf("the check left %v behind (%v)", left, err)
	}
	var ro string
	if os.Geteuid() != 0 {
		ro = t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(ro, 0o700)
	} else if fi, err := os.Stat("/proc"); err == nil && fi.IsDir() {
		// Root writes into any folder with any mode; nobody can create
		// a file in /proc.
		ro = "/proc"
	} else {
		t.Skip("running as root with no /proc: no folder is read-only")
	}
	code, stdout, stderr := invoke(t, "run", "-out", ro)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "-out "+ro+" is not writable") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, one line saying -out is not writable", code, stdout, stderr)
	}
}
