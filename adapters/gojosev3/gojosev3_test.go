package gojosev3

import (
	"errors"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v3"
	"github.com/go-jose/go-jose/v3/jwt"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes: each declared
// algorithm, signature, expiry, not-before, required claims, leeway,
// unsupported options and the module version.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{Validate(), Leeway()} {
		adaptertest.Contract(t, a)
	}
}

// The cases below are go-jose v3's own: its default leeway and its
// unguarded NumericDate conversion.
func TestVerify(t *testing.T) {
	t.Parallel()
	hs256 := adaptertest.HS256
	opts := func(with ...func(*adapters.Options)) adapters.Options {
		return adaptertest.Options(t, "HS256", with...)
	}
	cases := []struct {
		adapter     adapters.Adapter
		name, token string
		opts        adapters.Options
		want        string
	}{
		{Validate(), "expired-within-default-leeway", hs256(`{"exp":1699999999}`), opts(), "accept"},
		{Validate(), "expired", hs256(`{"exp":1699999939}`), opts(), "reject/expired"},
		{Validate(), "leeway", hs256(`{}`), opts(adaptertest.Leeway(0)), "unsupported"},
		{Leeway(), "expired", hs256(`{"exp":1699999999}`), opts(), "reject/expired"},
		{Leeway(), "exp-equals-now", hs256(`{"exp":1700000000}`), opts(), "accept"},
		{Leeway(), "iat-future", hs256(`{"iat":1700000001}`), opts(), "reject/issued_in_future"},
		{Leeway(), "string-exp", hs256(`{"exp":"soon"}`), opts(), "reject/malformed_claim"},
		{Leeway(), "duplicate-exp", hs256(`{"exp":1700000060,"exp":1700000060}`), opts(), "reject/malformed_token"},
		{Leeway(), "garbage", "not a token", opts(), "reject/malformed_token"},
		// No range guard (v4.0.5 added one): int64(2^63) is the most
		// negative int64 on amd64, a date long past.
		{Leeway(), "nbf-2p63", hs256(`{"nbf":9223372036854775807}`), opts(), "accept"},
		{Leeway(), "leeway", hs256(`{"exp":1699999990}`), opts(adaptertest.Leeway(30 * time.Second)), "accept"},
	}
	for _, c := range cases {
		adaptertest.Check(t, c.adapter, []adaptertest.Case{{Name: c.adapter.Name() + "/" + c.name, Token: c.token, Opts: c.opts, Want: c.want}})
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		step step
		err  error
		want adapters.Class
	}{
		{"parse", stepParse, errors.New("square/go-jose: compact JWS format must have three parts"), adapters.MalformedToken},
		{"crypto", stepClaims, jose.ErrCryptoFailure, adapters.Signature},
		{"numeric-date", stepClaims, jwt.ErrUnmarshalNumericDate, adapters.MalformedClaim},
		{"payload-json", stepClaims, errors.New("json: duplicate key"), adapters.MalformedToken},
		{"expired", stepValidate, jwt.ErrExpired, adapters.Expired},
		{"not-yet-valid", stepValidate, jwt.ErrNotValidYet, adapters.NotYetValid},
		{"issued-in-future", stepValidate, jwt.ErrIssuedInTheFuture, adapters.IssuedInFuture},
		{"issuer", stepValidate, jwt.ErrInvalidIssuer, adapters.Other},
	}
	for _, tc := range cases {
		if got := classify(tc.step, tc.err); got != tc.want {
			t.Errorf("%s: classify(%d, %q) = %s, want %s", tc.name, tc.step, tc.err, got, tc.want)
		}
	}
}
