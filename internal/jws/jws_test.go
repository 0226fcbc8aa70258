package jws

import (
	"bytes"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"slices"
	"strings"
	"testing"
)

// TestSignVerifyRoundTrip signs with every harness key and checks the
// signature with VerifySignature, and that one changed byte breaks it.
func TestSignVerifyRoundTrip(t *testing.T) {
	for _, alg := range Algorithms() {
		t.Run(alg, func(t *testing.T) {
			s, err := SignerFor(alg)
			if err != nil {
				t.Fatal(err)
			}
			token := MustSign(s, []byte(`{"exp":1700000000}`))
			parts := strings.Split(token, ".")
			if len(parts) != 3 {
				t.Fatalf("token %q has %d segments", token, len(parts))
			}
			sig, err := base64.RawURLEncoding.DecodeString(parts[2])
			if err != nil {
				t.Fatal(err)
			}
			input := []byte(parts[0] + "." + parts[1])
			if err := VerifySignature(alg, s.Public, input, sig); err != nil {
				t.Errorf("VerifySignature: %v", err)
			}
			input[len(input)-1] ^= 1
			if err := VerifySignature(alg, s.Public, input, sig); err == nil {
				t.Errorf("VerifySignature accepted a changed signing input")
			}
		})
	}
}

// TestDeterministicTokens: HS256, RS256 and EdDSA tokens are byte-stable,
// which keeps reports byte-stable.
func TestDeterministicTokens(t *testing.T) {
	for _, alg := range []string{"HS256", "RS256", "EdDSA"} {
		s, _ := SignerFor(alg)
		if a, b := MustSign(s, []byte(`{}`)), MustSign(s, []byte(`{}`)); a != b {
			t.Errorf("%s: two signatures of the same payload differ", alg)
		}
	}
}

func TestParseKeyPEM(t *testing.T) {
	s, _ := SignerFor("ES256")
	der, err := x509.MarshalPKIXPublicKey(s.Public)
	if err != nil {
		t.Fatal(err)
	}
	b := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	if _, err := ParseKey(b, "ES256", ""); err != nil {
		t.Errorf("ParseKey(ES256 PEM): %v", err)
	}
	if _, err := ParseKey(b, "RS256", ""); err == nil {
		t.Errorf("ParseKey accepted an EC key for RS256")
	}
}

func TestSignerForUnknown(t *testing.T) {
	if _, err := SignerFor("none"); err == nil {
		t.Error(`SignerFor("none") = nil error, want one`)
	}
}

// TestParseAnyKey reads each harness key with no alg to check it against,
// and names the algorithm the key implies.
func TestParseAnyKey(t *testing.T) {
	for _, alg := range Algorithms() {
		t.Run(alg, func(t *testing.T) {
			s, err := SignerFor(alg)
			if err != nil {
				t.Fatal(err)
			}
			b := HMACSecret
			if alg != "HS256" {
				der, err := x509.MarshalPKIXPublicKey(s.Public)
				if err != nil {
					t.Fatal(err)
				}
				b = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
			}
			k, err := ParseAnyKey(b, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := KeyAlg(k); got != alg {
				t.Errorf("KeyAlg = %q, want %q", got, alg)
			}
		})
	}
}

func TestHMACMinKeyBytes(t *testing.T) {
	for alg, want := range map[string]int{"HS256": 32, "HS384": 48, "HS512": 64, "RS256": 0} {
		got, ok := HMACMinKeyBytes(alg)
		if got != want || ok != (want > 0) {
			t.Errorf("HMACMinKeyBytes(%s) = %d, %t; want %d", alg, got, ok, want)
		}
	}
}

// TestHasKey: HasKey answers as a lookup in Algorithms would.
func TestHasKey(t *testing.T) {
	for _, alg := range append(Algorithms(), "none", "HS384", "") {
		if got, want := HasKey(alg), slices.Contains(Algorithms(), alg); got != want {
			t.Errorf("HasKey(%q) = %t, want %t", alg, got, want)
		}
	}
}

// TestPooledHMAC: the harness HS256 signer, whose hashes are pooled and
// reset to the keyed state, signs as a fresh hmac.New does, use after use.
func TestPooledHMAC(t *testing.T) {
	pooled, _ := SignerFor("HS256")
	fresh := Signer{Alg: "HS256", Private: HMACSecret, Public: HMACSecret}
	for _, p := range []string{`{}`, `{"exp":1700000000}`, ``, strings.Repeat(`x`, 200), `{}`} {
		if a, b := MustSign(pooled, []byte(p)), MustSign(fresh, []byte(p)); a != b {
			t.Errorf("payload %q: pooled signer gives %s, hmac.New gives %s", p, a, b)
		}
	}
}

func TestSignCacheBoundedInBytes(t *testing.T) {
	// A fuzzer signs a new large payload per input: the cache must stay
	// within its byte bound, however many come, and still answer.
	payload := bytes.Repeat([]byte("a"), 1<<20)
	for i := range 3 * signCacheBytes >> 20 {
		payload[0] = byte(i)
		payload[1] = byte(i >> 8)
		if _, err := SignAs("HS256", payload); err != nil {
			t.Fatal(err)
		}
		signCache.Lock()
		n := signCache.bytes
		signCache.Unlock()
		if n > signCacheBytes {
			t.Fatalf("after %d payloads of 1 MiB the sign cache holds %d bytes, past its bound of %d", i+1, n, signCacheBytes)
		}
	}
}
