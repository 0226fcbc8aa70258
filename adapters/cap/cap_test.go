package cap

import (
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{Validate(), AllowMissing()} {
		adaptertest.Contract(t, a)
	}
}

// TestVerify pins cap's own time policy: a one-minute default clock skew,
// a missing exp or nbf synthesised 150 s from the others, at least one
// time claim on the Validate path, and names that fold to a registered one
// rejected.
func TestVerify(t *testing.T) {
	t.Parallel()
	at := adaptertest.At
	sign := func(payload string) string { return adaptertest.Sign(t, "RS256", payload) }
	opts := adaptertest.Options(t, "RS256")
	zero := adaptertest.Options(t, "RS256", adaptertest.Leeway(0))
	cases := []adaptertest.Case{
		{Name: "exp-equals-now", Token: sign(`{"exp":` + at(0) + `}`), Opts: zero, Want: "accept"},
		{Name: "exp-past-within-default", Token: sign(`{"exp":` + at(-60) + `}`), Opts: opts, Want: "accept"},
		{Name: "exp-past-beyond-default", Token: sign(`{"exp":` + at(-61) + `}`), Opts: opts, Want: "reject/expired"},
		{Name: "exp-past-leeway-0", Token: sign(`{"exp":` + at(-1) + `}`), Opts: zero, Want: "reject/expired"},
		{Name: "exp-synthesised-from-iat", Token: sign(`{"iat":` + at(-151) + `}`), Opts: zero, Want: "reject/expired"},
		{Name: "exp-synthesised-within", Token: sign(`{"iat":` + at(-150) + `}`), Opts: zero, Want: "accept"},
		{Name: "nbf-synthesised-from-exp", Token: sign(`{"exp":` + at(151) + `}`), Opts: zero, Want: "reject/not_yet_valid"},
		{Name: "iat-future", Token: sign(`{"exp":` + at(3600) + `,"iat":` + at(1) + `}`), Opts: zero, Want: "reject/not_yet_valid"},
		{Name: "fold-collision", Token: sign(`{"exp":` + at(60) + `,"EXP":1}`), Opts: opts, Want: "reject/malformed_claim"},
		{Name: "string-exp", Token: sign(`{"exp":"soon"}`), Opts: opts, Want: "reject/malformed_claim"},
		{Name: "garbage", Token: "not a token", Opts: opts, Want: "reject/malformed_token"},
		{Name: "leeway-2m", Token: sign(`{"exp":` + at(-100) + `}`), Opts: adaptertest.Options(t, "RS256", adaptertest.Leeway(2*time.Minute)), Want: "accept"},
	}
	t.Run("validate", func(t *testing.T) {
		adaptertest.Check(t, Validate(), append(cases,
			adaptertest.Case{Name: "no-time-claims", Token: sign(`{}`), Opts: opts, Want: "reject/missing_claim"}))
	})
	t.Run("allow-missing", func(t *testing.T) {
		adaptertest.Check(t, AllowMissing(), append(cases,
			adaptertest.Case{Name: "no-time-claims", Token: sign(`{}`), Opts: opts, Want: "accept"}))
	})
}
