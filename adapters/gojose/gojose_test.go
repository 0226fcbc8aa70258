package gojose

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
	for _, a := range []adapters.Adapter{Validate(), Leeway()} {
		adaptertest.Contract(t, a)
	}
}

// The cases below are gojose's own: its default leeway, its error
// classes and its parser's quirks.

func TestVerify(t *testing.T) {
	t.Parallel()
	good := hs256(`{"exp":1700000060}`)
	badSig := good[:len(good)-4] + "AAAA"
	leeway := func(d time.Duration) func(*adapters.Options) {
		return func(o *adapters.Options) { o.SetLeeway, o.Leeway = true, d }
	}
	require := func(o *adapters.Options) { o.Require = []adapters.Claim{adapters.Exp} }
	// jwt.io's classic example is signed with a 19-byte secret, which
	// go-jose refuses for HS256 (RFC 7518 3.2) whatever the claims say.
	const jwtIO = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	shortKey := func(o *adapters.Options) { o.Key.Public = []byte("your-256-bit-secret") }
	cases := []struct {
		adapter adapters.Adapter
		name    string
		token   string
		opts    func(*adapters.Options)
		want    string
	}{
		// Validate applies jwt.DefaultLeeway (one minute) to exp, nbf and
		// iat, so the past and future claims here lie beyond it.
		{Validate(), "valid", good, nil, "accept"},
		{Validate(), "expired", hs256(`{"exp":1699999939}`), nil, "reject/expired"},
		{Validate(), "expired-within-default-leeway", hs256(`{"exp":1699999999}`), nil, "accept"},
		{Validate(), "nbf-future", hs256(`{"nbf":1700000061}`), nil, "reject/not_yet_valid"},
		{Validate(), "iat-future", hs256(`{"iat":1700000061}`), nil, "reject/issued_in_future"},
		{Validate(), "bad-signature", badSig, nil, "reject/signature"},
		{Validate(), "garbage", "not a token", nil, "reject/malformed_token"},
		{Validate(), "string-exp", hs256(`{"exp":"1700000060"}`), nil, "reject/malformed_claim"},
		{Validate(), "duplicate-exp", hs256(`{"exp":1700000060,"exp":1700000060}`), nil, "reject/malformed_token"},
		{Validate(), "leeway", good, leeway(0), "unsupported"},
		{Validate(), "require-exp", good, require, "unsupported"},
		{Validate(), "short-secret", jwtIO, shortKey, "reject/key"},

		{Leeway(), "valid", good, nil, "accept"},
		{Leeway(), "expired", hs256(`{"exp":1699999999}`), nil, "reject/expired"},
		{Leeway(), "nbf-future", hs256(`{"nbf":1700000001}`), nil, "reject/not_yet_valid"},
		{Leeway(), "iat-future", hs256(`{"iat":1700000001}`), nil, "reject/issued_in_future"},
		{Leeway(), "bad-signature", badSig, nil, "reject/signature"},
		{Leeway(), "garbage", "not a token", nil, "reject/malformed_token"},
		{Leeway(), "bad-base64", "a.b.c", nil, "reject/malformed_token"},
		{Leeway(), "payload-array", hs256(`[1]`), nil, "reject/malformed_token"},
		{Leeway(), "string-exp", hs256(`{"exp":"soon"}`), nil, "reject/malformed_claim"},
		{Leeway(), "leeway", hs256(`{"exp":1699999990}`), leeway(30 * time.Second), "accept"},
		{Leeway(), "leeway-zero", hs256(`{"exp":1699999999}`), leeway(0), "reject/expired"},
		{Leeway(), "require-exp", good, require, "unsupported"},
		{Leeway(), "zero-clock", good, func(o *adapters.Options) { o.Now = time.Time{} }, "unsupported"},
		{Leeway(), "short-secret", jwtIO, shortKey, "reject/key"},
		{Leeway(), "short-secret-bad-signature", badSig, shortKey, "reject/key"},
	}
	for _, tc := range cases {
		t.Run(tc.adapter.Name()+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			opts := adaptertest.Options(t, "HS256")
			if tc.opts != nil {
				tc.opts(&opts)
			}
			got := tc.adapter.Verify(context.Background(), tc.token, opts)
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
	cases := []struct {
		adapter adapters.Adapter
		want    map[adapters.Feature]bool
	}{
		{Validate(), map[adapters.Feature]bool{
			adapters.FeatureLeeway: false, adapters.FeatureSubSecondClock: true,
			adapters.FeatureRequireExp: false, adapters.FeatureRequireNbf: false, adapters.FeatureRequireIat: false,
		}},
		{Leeway(), map[adapters.Feature]bool{
			adapters.FeatureLeeway: true, adapters.FeatureSubSecondClock: true,
			adapters.FeatureRequireExp: false, adapters.FeatureRequireNbf: false, adapters.FeatureRequireIat: false,
		}},
	}
	for _, tc := range cases {
		for f, w := range tc.want {
			if got := tc.adapter.Supports(f); got != w {
				t.Errorf("%s: Supports(%s) = %t, want %t", tc.adapter.Name(), f, got, w)
			}
		}
	}
}
