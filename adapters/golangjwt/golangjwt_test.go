package golangjwt

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
	for _, a := range []adapters.Adapter{MapClaims(), Registered(), RegisteredIssuedAt(), MapClaimsJSONNumber(), MapClaimsMillis()} {
		adaptertest.Contract(t, a)
	}
}

// The cases below are golangjwt's own: its default leeway, its error
// classes and its parser's quirks.

func TestVerify(t *testing.T) {
	t.Parallel()
	good := hs256(`{"exp":1700000060}`)
	quarter := func(o *adapters.Options) { o.Now = now.Add(250 * time.Millisecond) }
	badSig := good[:len(good)-4] + "AAAA"
	cases := []struct {
		adapter adapters.Adapter
		name    string
		token   string
		opts    func(*adapters.Options)
		want    string
	}{
		// MapClaims: a wrong-typed time claim is ErrInvalidType.
		{MapClaims(), "valid", good, nil, "accept"},
		{MapClaims(), "expired", hs256(`{"exp":1699999999}`), nil, "reject/expired"},
		{MapClaims(), "nbf-future", hs256(`{"nbf":1700000001}`), nil, "reject/not_yet_valid"},
		{MapClaims(), "bad-signature", badSig, nil, "reject/signature"},
		{MapClaims(), "garbage", "not a token", nil, "reject/malformed_token"},
		{MapClaims(), "string-exp", hs256(`{"exp":"1700000060"}`), nil, "reject/malformed_claim"},
		{MapClaims(), "iat-future-ignored", hs256(`{"iat":1800000000}`), nil, "accept"},
		{MapClaims(), "leeway", hs256(`{"exp":1699999990}`), func(o *adapters.Options) { o.SetLeeway, o.Leeway = true, 30*time.Second }, "accept"},
		{MapClaims(), "require-exp", hs256(`{}`), func(o *adapters.Options) { o.Require = []adapters.Claim{adapters.Exp} }, "reject/missing_claim"},
		{MapClaims(), "require-nbf", hs256(`{}`), func(o *adapters.Options) { o.Require = []adapters.Claim{adapters.Nbf} }, "reject/missing_claim"},
		{MapClaims(), "require-iat", hs256(`{}`), func(o *adapters.Options) { o.Require = []adapters.Claim{adapters.Iat} }, "unsupported"},
		{MapClaims(), "wrong-alg", hs256(`{}`), func(o *adapters.Options) { o.Key.Alg = "HS384" }, "reject/signature"},

		// RegisteredClaims: NumericDate.UnmarshalJSON fails during JSON
		// decoding, which the parser reports as ErrTokenMalformed; a quoted
		// number decodes as a json.Number and is accepted.
		{Registered(), "valid", good, nil, "accept"},
		{Registered(), "expired", hs256(`{"exp":1699999999}`), nil, "reject/expired"},
		{Registered(), "nbf-future", hs256(`{"nbf":1700000001}`), nil, "reject/not_yet_valid"},
		{Registered(), "bad-signature", badSig, nil, "reject/signature"},
		{Registered(), "garbage", "not a token", nil, "reject/malformed_token"},
		{Registered(), "string-exp", hs256(`{"exp":"soon"}`), nil, "reject/malformed_token"},
		{Registered(), "quoted-number-exp", hs256(`{"exp":"1699999999"}`), nil, "reject/expired"},
		{Registered(), "iat-future-ignored", hs256(`{"iat":1800000000}`), nil, "accept"},
		{Registered(), "require-iat", hs256(`{}`), func(o *adapters.Options) { o.Require = []adapters.Claim{adapters.Iat} }, "unsupported"},

		{RegisteredIssuedAt(), "valid", good, nil, "accept"},
		{RegisteredIssuedAt(), "expired", hs256(`{"exp":1699999999}`), nil, "reject/expired"},
		{RegisteredIssuedAt(), "nbf-future", hs256(`{"nbf":1700000001}`), nil, "reject/not_yet_valid"},
		{RegisteredIssuedAt(), "iat-future", hs256(`{"iat":1700000001}`), nil, "reject/issued_in_future"},
		{RegisteredIssuedAt(), "bad-signature", badSig, nil, "reject/signature"},
		{RegisteredIssuedAt(), "garbage", "not a token", nil, "reject/malformed_token"},
		{RegisteredIssuedAt(), "string-exp", hs256(`{"exp":"soon"}`), nil, "reject/malformed_token"},
		// WithJSONNumber: parseNumericDate treats only a float64 0 as
		// absent, so a json.Number 0 is a date in 1970.
		{MapClaimsJSONNumber(), "valid", good, nil, "accept"},
		{MapClaimsJSONNumber(), "exp-zero", hs256(`{"exp":0}`), nil, "reject/expired"},
		{MapClaims(), "exp-zero-absent", hs256(`{"exp":0}`), nil, "accept"},

		// TimePrecision: a millisecond keeps exp = now + 0.5 s in the future
		// at now + 0.25 s, where the default second cuts it to now.
		{MapClaimsMillis(), "exp-fraction-kept", hs256(`{"exp":1700000000.5}`), quarter, "accept"},
		{MapClaims(), "exp-fraction-cut", hs256(`{"exp":1700000000.5}`), quarter, "reject/expired"},

		{RegisteredIssuedAt(), "require-iat", hs256(`{}`), func(o *adapters.Options) { o.Require = []adapters.Claim{adapters.Iat} }, "unsupported"},
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
	want := map[adapters.Feature]bool{
		adapters.FeatureLeeway:         true,
		adapters.FeatureSubSecondClock: true,
		adapters.FeatureRequireExp:     true,
		adapters.FeatureRequireNbf:     true,
		adapters.FeatureRequireIat:     false,
		"require-jti":                  false,
	}
	for _, a := range []adapters.Adapter{MapClaims(), Registered(), RegisteredIssuedAt(), MapClaimsJSONNumber(), MapClaimsMillis()} {
		for f, w := range want {
			if got := a.Supports(f); got != w {
				t.Errorf("%s: Supports(%s) = %t, want %t", a.Name(), f, got, w)
			}
		}
	}
}
