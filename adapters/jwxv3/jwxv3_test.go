package jwxv3

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes: each declared
// algorithm, signature, expiry, not-before, required claims, leeway,
// unsupported options and the module version.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{New(), ParsePrecision9(), ParsePedantic()} {
		adaptertest.Contract(t, a)
	}
}

// hs256 signs a payload with the harness HMAC key.
var hs256 = adaptertest.HS256

// The cases below are jwx v3's own: its readings of NumericDates, its
// error classes and its parser's quirks.
func TestVerify(t *testing.T) {
	t.Parallel()
	good := hs256(`{"exp":1700000060}`)
	opts := func(with ...func(*adapters.Options)) adapters.Options {
		return adaptertest.Options(t, "HS256", with...)
	}
	cases := []struct {
		name, token string
		opts        adapters.Options
		want        string
	}{
		{"valid", good, opts(), "accept"},
		{"bad-signature", good[:len(good)-4] + "AAAA", opts(), "reject/signature"},
		{"garbage", "not a token", opts(), "reject/malformed_token"},
		{"bad-base64", "a.b.c", opts(), "reject/malformed_token"},
		{"payload-not-json", hs256(`{"exp":1x}`), opts(), "reject/malformed_token"},
		{"iat-future", hs256(`{"iat":1700000001}`), opts(), "reject/issued_in_future"},
		// v3 reads presence: exp 0 is a date in 1970, not a missing claim.
		{"exp-zero", hs256(`{"exp":0}`), opts(), "reject/expired"},
		// ParsePrecision 0 cuts the fraction; the clock is not truncated.
		{"exp-fraction-cut", hs256(`{"exp":1700000000.5}`), opts(), "reject/expired"},
		{"nbf-fraction-cut", hs256(`{"nbf":1700000000.5}`), opts(), "accept"},
		{"negative-exp", hs256(`{"exp":-1.5}`), opts(), "reject/expired"},
		{"exp-beyond-int64", hs256(`{"exp":9223372036854775808}`), opts(), "reject/malformed_claim"},
		{"exp-time-wrap", hs256(`{"exp":9223372036854775807}`), opts(), "reject/malformed_claim"},
		{"quoted-seconds", hs256(`{"exp":"4102444800"}`), opts(), "accept"},
		{"rfc3339", hs256(`{"exp":"2100-01-01T00:00:00Z"}`), opts(), "accept"},
		{"string-exp", hs256(`{"exp":"soon"}`), opts(), "reject/malformed_claim"},
		{"private-overflow", hs256(`{"exp":1700000060,"n":1e400}`), opts(), "reject/malformed_token"},
		{"require-exp", hs256(`{}`), opts(adaptertest.Require(adapters.Exp)), "reject/missing_claim"},
	}
	var checks []adaptertest.Case
	for _, c := range cases {
		checks = append(checks, adaptertest.Case{Name: c.name, Token: c.token, Opts: c.opts, Want: c.want})
	}
	adaptertest.Check(t, New(), checks)
}
