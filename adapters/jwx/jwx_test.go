package jwx

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"math/big"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// now is the fixed clock of every test; no test reads the wall clock.
var now = time.Unix(1700000000, 0)

var hmacKey = []byte("jwtconform-jwx-test-secret-0123456789")

var b64 = base64.RawURLEncoding

// hs256 builds a compact JWS over the exact payload bytes with hmacKey.
func hs256(payload string) string {
	input := b64.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + b64.EncodeToString([]byte(payload))
	m := hmac.New(sha256.New, hmacKey)
	m.Write([]byte(input))
	return input + "." + b64.EncodeToString(m.Sum(nil))
}

// signed builds a compact JWS over payload with an asymmetric private key.
func signed(t *testing.T, alg string, priv crypto.Signer, payload string) string {
	t.Helper()
	input := b64.EncodeToString([]byte(`{"alg":"`+alg+`","typ":"JWT"}`)) + "." + b64.EncodeToString([]byte(payload))
	digest := sha256.Sum256([]byte(input))
	var sig []byte
	var err error
	switch k := priv.(type) {
	case *rsa.PrivateKey:
		sig, err = rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, digest[:])
	case *ecdsa.PrivateKey:
		var r, s *big.Int
		r, s, err = ecdsa.Sign(rand.Reader, k, digest[:])
		if err == nil {
			sig = make([]byte, 64)
			r.FillBytes(sig[:32])
			s.FillBytes(sig[32:])
		}
	case ed25519.PrivateKey:
		sig = ed25519.Sign(k, []byte(input))
	}
	if err != nil {
		t.Fatalf("sign %s: %v", alg, err)
	}
	return input + "." + b64.EncodeToString(sig)
}

func hsOptions() adapters.Options {
	return adapters.Options{Now: now, Key: adapters.Key{Alg: "HS256", Public: hmacKey}}
}

func TestVerify(t *testing.T) {
	t.Parallel()
	good := hs256(`{"exp":1700000060}`)
	badSig := good[:len(good)-4] + "AAAA"
	require := func(c adapters.Claim) func(*adapters.Options) {
		return func(o *adapters.Options) { o.Require = []adapters.Claim{c} }
	}
	cases := []struct {
		name  string
		token string
		opts  func(*adapters.Options)
		want  string
	}{
		{"valid", good, nil, "accept"},
		{"expired", hs256(`{"exp":1699999999}`), nil, "reject/expired"},
		{"nbf-future", hs256(`{"nbf":1700000001}`), nil, "reject/not_yet_valid"},
		{"iat-future", hs256(`{"iat":1700000001}`), nil, "reject/issued_in_future"},
		{"bad-signature", badSig, nil, "reject/signature"},
		{"garbage", "not a token", nil, "reject/malformed_token"},
		{"bad-base64", "a.b.c", nil, "reject/malformed_token"},
		{"payload-not-json", hs256(`{"exp":1x}`), nil, "reject/malformed_token"},
		{"payload-array", hs256(`[1]`), nil, "reject/malformed_token"},
		// NumericDate.Accept fails on a string that is neither digits
		// nor RFC 3339; the decode error names the claim.
		{"string-exp", hs256(`{"exp":"soon"}`), nil, "reject/malformed_claim"},
		{"null-exp", hs256(`{"exp":null}`), nil, "reject/malformed_claim"},
		// Non-pedantic parsing takes a quoted number as a NumericDate.
		{"quoted-number-exp", hs256(`{"exp":"1699999999"}`), nil, "reject/expired"},
		// jwx.GuessFormat takes a payload with "kty" for a JWK.
		{"kty-member", hs256(`{"exp":1700000060,"kty":"oct"}`), nil, "reject/malformed_token"},
		{"leeway", hs256(`{"exp":1699999990}`), func(o *adapters.Options) { o.SetLeeway, o.Leeway = true, 30*time.Second }, "accept"},
		{"require-exp", hs256(`{}`), require(adapters.Exp), "reject/missing_claim"},
		{"require-nbf", hs256(`{}`), require(adapters.Nbf), "reject/missing_claim"},
		{"require-iat", hs256(`{}`), require(adapters.Iat), "reject/missing_claim"},
		{"require-other", hs256(`{}`), require("jti"), "unsupported"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := hsOptions()
			if tc.opts != nil {
				tc.opts(&opts)
			}
			got := New().Verify(context.Background(), tc.token, opts)
			if got.String() != tc.want {
				t.Errorf("Verify(%q) = %s (%q), want %s", tc.token, got, got.Error, tc.want)
			}
			if got.Verdict == adapters.Reject && got.Error == "" {
				t.Errorf("Verify(%q) rejected with no error text", tc.token)
			}
		})
	}
}

func TestVerifyAsymmetric(t *testing.T) {
	t.Parallel()
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keys := []struct {
		alg  string
		priv crypto.Signer
	}{{"RS256", rsaKey}, {"ES256", ecKey}, {"EdDSA", edKey}}
	for _, k := range keys {
		t.Run(k.alg, func(t *testing.T) {
			t.Parallel()
			opts := adapters.Options{Now: now, Key: adapters.Key{Alg: k.alg, Public: k.priv.Public()}}
			for _, c := range []struct{ payload, want string }{
				{`{"exp":1700000060}`, "accept"},
				{`{"exp":1699999999}`, "reject/expired"},
			} {
				token := signed(t, k.alg, k.priv, c.payload)
				if got := New().Verify(context.Background(), token, opts); got.String() != c.want {
					t.Errorf("Verify(%s) = %s (%q), want %s", c.payload, got, got.Error, c.want)
				}
			}
			token := signed(t, k.alg, k.priv, `{"exp":1700000060}`)
			wrong := adapters.Options{Now: now, Key: adapters.Key{Alg: k.alg, Public: otherKey(t, k.alg)}}
			if got := New().Verify(context.Background(), token, wrong); got.String() != "reject/signature" {
				t.Errorf("Verify with another key = %s (%q), want reject/signature", got, got.Error)
			}
		})
	}
}

// otherKey is a fresh public key of the kind alg needs.
func otherKey(t *testing.T, alg string) crypto.PublicKey {
	t.Helper()
	switch alg {
	case "RS256":
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		return k.Public()
	case "ES256":
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k.Public()
	}
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

func TestModule(t *testing.T) {
	t.Parallel()
	if m := New().Module(); m.Path != modulePath || m.Version == "" {
		t.Errorf("Module() = %s, want path %s", m, modulePath)
	}
	t.Run("version", func(t *testing.T) {
		// Test binaries carry no dependency build info; ModuleOf falls
		// back to go.mod, so the version is known here too.
		if m := New().Module(); m.Version == "unknown" {
			t.Errorf("Module() = %s, want a known version", m)
		}
	})
}

func TestSupports(t *testing.T) {
	t.Parallel()
	want := map[adapters.Feature]bool{
		adapters.FeatureLeeway:         true,
		adapters.FeatureSubSecondClock: true,
		adapters.FeatureRequireExp:     true,
		adapters.FeatureRequireNbf:     true,
		adapters.FeatureRequireIat:     true,
		"require-jti":                  false,
	}
	for f, w := range want {
		if got := New().Supports(f); got != w {
			t.Errorf("Supports(%s) = %t, want %t", f, got, w)
		}
	}
}
