package golangjwtv4

import (
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	for _, a := range []adapters.Adapter{MapClaims(), Registered()} {
		adaptertest.Contract(t, a)
	}
}

// The cases below are v4's own: its package clock, exp 0 as absent in
// MapClaims, a wrong-typed claim reported as that claim failing, and the
// iat check it always makes.
func TestVerify(t *testing.T) {
	t.Parallel()
	hs256, at := adaptertest.HS256, adaptertest.At
	opts := adaptertest.Options(t, "HS256")
	quarter := adaptertest.Options(t, "HS256", func(o *adapters.Options) { o.Now = adaptertest.Now.Add(250 * time.Millisecond) })
	adaptertest.Check(t, MapClaims(), []adaptertest.Case{
		kase("exp-equal", hs256(`{"exp":`+at(0)+`}`), opts, "reject/expired"),
		kase("exp-zero-absent", hs256(`{"exp":0}`), opts, "accept"),
		kase("exp-string", hs256(`{"exp":"`+at(60)+`"}`), opts, "reject/expired"),
		kase("iat-future", hs256(`{"iat":`+at(1)+`}`), opts, "reject/issued_in_future"),
		// A fractional exp is cut to whole seconds: exp = now + 0.5 s is
		// already past at now + 0.25 s.
		kase("exp-fraction-cut", hs256(`{"exp":`+at(0)+`.5}`), quarter, "reject/expired"),
		kase("leeway", hs256(`{}`), adaptertest.Options(t, "HS256", adaptertest.Leeway(0)), "unsupported"),
	})
	adaptertest.Check(t, Registered(), []adaptertest.Case{
		kase("exp-equal", hs256(`{"exp":`+at(0)+`}`), opts, "reject/expired"),
		kase("exp-zero", hs256(`{"exp":0}`), opts, "reject/expired"),
		kase("exp-string", hs256(`{"exp":"soon"}`), opts, "reject/malformed_token"),
		kase("iat-future", hs256(`{"iat":`+at(1)+`}`), opts, "reject/issued_in_future"),
		kase("exp-fraction-cut", hs256(`{"exp":`+at(0)+`.5}`), quarter, "reject/expired"),
	})
}

// kase is a contract case with its fields named.
func kase(name, token string, opts adapters.Options, want string) adaptertest.Case {
	return adaptertest.Case{Name: name, Token: token, Opts: opts, Want: want}
}
