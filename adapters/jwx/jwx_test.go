package jwx

import (
	"context"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// now is the fixed clock of every test; no test reads the wall clock.
var now = adaptertest.Now

// hs256 signs a payload with the harness HMAC key.
var hs256 = adaptertest.HS256

// TestContract runs the checks every adapter passes: each declared
// algorithm, signature, expiry, not-before, required claims, leeway,
// unsupported options and the module version.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{New(), Truncation0()} {
		adaptertest.Contract(t, a)
	}
}

// The cases below are jwx's own: its default leeway, its error
// classes and its parser's quirks.

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
			opts := adaptertest.Options(t, "HS256")
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
