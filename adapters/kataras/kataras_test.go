package kataras

import (
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	adaptertest.Contract(t, New())
}

// The cases below are kataras/jwt's own: exp is inclusive, the clock is
// rounded to the nearest second, and a time claim that does not decode
// into an int64 turns time validation off.
func TestVerify(t *testing.T) {
	t.Parallel()
	hs256, at := adaptertest.HS256, adaptertest.At
	opts := adaptertest.Options(t, "HS256")
	later := func(d time.Duration) adapters.Options {
		return adaptertest.Options(t, "HS256", func(o *adapters.Options) { o.Now = adaptertest.Now.Add(d) })
	}
	adaptertest.Check(t, New(), []adaptertest.Case{
		kase("exp-equal", hs256(`{"exp":`+at(0)+`}`), opts, "accept"),
		kase("exp-past", hs256(`{"exp":`+at(-1)+`}`), opts, "reject/expired"),
		kase("clock-rounds-down", hs256(`{"exp":`+at(-1)+`}`), later(-600*time.Millisecond), "accept"),
		kase("clock-rounds-up", hs256(`{"nbf":`+at(1)+`}`), later(500*time.Millisecond), "accept"),
		kase("exp-fraction-unchecked", hs256(`{"exp":`+at(-3600)+`.5}`), opts, "accept"),
		kase("exp-quoted-unchecked", hs256(`{"exp":"`+at(-3600)+`"}`), opts, "accept"),
		kase("exp-string", hs256(`{"exp":"soon"}`), opts, "reject/malformed_token"),
		kase("not-json", hs256(`[]`), opts, "reject/malformed_token"),
		kase("iat-future", hs256(`{"iat":`+at(1)+`}`), opts, "reject/issued_in_future"),
		kase("leeway", hs256(`{}`), adaptertest.Options(t, "HS256", adaptertest.Leeway(0)), "unsupported"),
	})
}

// kase is a contract case with its fields named.
func kase(name, token string, opts adapters.Options, want string) adaptertest.Case {
	return adaptertest.Case{Name: name, Token: token, Opts: opts, Want: want}
}
