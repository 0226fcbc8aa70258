package gooidc

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	adaptertest.Contract(t, New())
}

// TestVerify pins go-oidc's own time policy: exp required and inclusive,
// nbf with a fixed five-minute leeway, iat never compared, a quoted number
// read as a number.
func TestVerify(t *testing.T) {
	t.Parallel()
	at := adaptertest.At
	sign := func(payload string) string { return adaptertest.Sign(t, "RS256", payload) }
	opts := adaptertest.Options(t, "RS256")
	adaptertest.Check(t, New(), []adaptertest.Case{
		{Name: "no-exp", Token: sign(`{}`), Opts: opts, Want: "reject/expired"},
		{Name: "exp-equals-now", Token: sign(`{"exp":` + at(0) + `}`), Opts: opts, Want: "accept"},
		{Name: "exp-past", Token: sign(`{"exp":` + at(-1) + `}`), Opts: opts, Want: "reject/expired"},
		{Name: "nbf-within-5m", Token: sign(`{"exp":` + at(3600) + `,"nbf":` + at(300) + `}`), Opts: opts, Want: "accept"},
		{Name: "nbf-beyond-5m", Token: sign(`{"exp":` + at(3600) + `,"nbf":` + at(301) + `}`), Opts: opts, Want: "reject/not_yet_valid"},
		{Name: "iat-future", Token: sign(`{"exp":` + at(3600) + `,"iat":` + at(3000) + `}`), Opts: opts, Want: "accept"},
		{Name: "quoted-exp", Token: sign(`{"exp":"` + at(-1) + `"}`), Opts: opts, Want: "reject/expired"},
		{Name: "string-exp", Token: sign(`{"exp":"soon"}`), Opts: opts, Want: "reject/malformed_claim"},
		{Name: "payload-not-json", Token: sign(`{"exp":1x}`), Opts: opts, Want: "reject/malformed_token"},
		{Name: "garbage", Token: "not a token", Opts: opts, Want: "reject/malformed_token"},
		{Name: "wrong-key", Token: adaptertest.Sign(t, "ES256", `{"exp":`+at(3600)+`}`), Opts: adaptertest.Options(t, "ES256", func(o *adapters.Options) { o.Key = opts.Key; o.Key.Alg = "ES256" }), Want: "reject/signature"},
	})
}
