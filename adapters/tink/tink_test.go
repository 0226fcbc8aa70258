package tink

import (
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{Default(), AllowMissingExpiration(), ExpectIssuedInThePast()} {
		adaptertest.Contract(t, a)
	}
}

// TestVerify pins tink's own time policy: exp exclusive and required
// unless AllowMissingExpiration, fractions cut toward zero, a negative
// clock skew narrowing the window, and iat required and checked under
// ExpectIssuedInThePast.
func TestVerify(t *testing.T) {
	t.Parallel()
	at := adaptertest.At
	hs := adaptertest.HS256
	opts := adaptertest.Options(t, "HS256")
	zero := adaptertest.Options(t, "HS256", adaptertest.Leeway(0))
	common := []adaptertest.Case{
		{Name: "exp-equals-now", Token: hs(`{"iat":` + at(-60) + `,"exp":` + at(0) + `}`), Opts: opts, Want: "reject/expired"},
		{Name: "exp-fraction-cut", Token: hs(`{"iat":` + at(-60) + `,"exp":` + at(0) + `.9}`), Opts: opts, Want: "reject/expired"},
		{Name: "negative-skew", Token: hs(`{"iat":` + at(-60) + `,"exp":` + at(5) + `}`), Opts: adaptertest.Options(t, "HS256", adaptertest.Leeway(-5*time.Second)), Want: "reject/expired"},
		{Name: "skew-10m", Token: hs(`{"iat":` + at(-60) + `,"exp":` + at(-599) + `}`), Opts: adaptertest.Options(t, "HS256", adaptertest.Leeway(10*time.Minute)), Want: "accept"},
		{Name: "skew-over-10m", Token: "not a token", Opts: adaptertest.Options(t, "HS256", adaptertest.Leeway(10*time.Minute+time.Nanosecond)), Want: "unsupported"},
		{Name: "exp-year-10000", Token: hs(`{"iat":` + at(-60) + `,"exp":253402300800}`), Opts: opts, Want: "reject/signature"},
		{Name: "iss-null", Token: hs(`{"iat":` + at(-60) + `,"exp":` + at(60) + `,"iss":null}`), Opts: opts, Want: "reject/signature"},
		{Name: "rs256", Token: adaptertest.Sign(t, "RS256", `{"iat":`+at(-60)+`,"exp":`+at(60)+`}`), Opts: adaptertest.Options(t, "RS256"), Want: "accept"},
	}
	t.Run("default", func(t *testing.T) {
		adaptertest.Check(t, Default(), append(common,
			adaptertest.Case{Name: "no-exp", Token: hs(`{}`), Opts: zero, Want: "reject/missing_claim"},
			adaptertest.Case{Name: "iat-future-ignored", Token: hs(`{"iat":` + at(3000) + `,"exp":` + at(3600) + `}`), Opts: zero, Want: "accept"}))
	})
	t.Run("allow-missing-exp", func(t *testing.T) {
		adaptertest.Check(t, AllowMissingExpiration(), append(common,
			adaptertest.Case{Name: "no-exp", Token: hs(`{}`), Opts: zero, Want: "accept"},
			adaptertest.Case{Name: "no-exp-required", Token: hs(`{}`), Opts: adaptertest.Options(t, "HS256", adaptertest.Require(adapters.Exp)), Want: "reject/missing_claim"}))
	})
	t.Run("iat-in-past", func(t *testing.T) {
		adaptertest.Check(t, ExpectIssuedInThePast(), append(common,
			adaptertest.Case{Name: "no-iat", Token: hs(`{"exp":` + at(3600) + `}`), Opts: zero, Want: "reject/missing_claim"},
			adaptertest.Case{Name: "iat-future", Token: hs(`{"iat":` + at(1) + `,"exp":` + at(3600) + `}`), Opts: zero, Want: "reject/issued_in_future"},
			adaptertest.Case{Name: "iat-within-skew", Token: hs(`{"iat":` + at(30) + `,"exp":` + at(3600) + `}`), Opts: adaptertest.Options(t, "HS256", adaptertest.Leeway(time.Minute)), Want: "accept"}))
	})
}
