package jwtgo

import (
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
)

// TestContract runs the checks every adapter passes.
func TestContract(t *testing.T) {
	t.Parallel()
	adaptertest.Contract(t, MapClaims())
}

// The cases below are v3.2.0's own: exp is inclusive, whole seconds cut
// toward zero, 0 means absent, and, unlike golang-jwt v3.2.2, a time claim
// that is not a number is ignored.
func TestVerify(t *testing.T) {
	t.Parallel()
	hs256, at := adaptertest.HS256, adaptertest.At
	opts := adaptertest.Options(t, "HS256")
	adaptertest.Check(t, MapClaims(), []adaptertest.Case{
		kase("exp-equal", hs256(`{"exp":`+at(0)+`}`), opts, "accept"),
		kase("exp-past", hs256(`{"exp":`+at(-1)+`}`), opts, "reject/expired"),
		kase("exp-zero-absent", hs256(`{"exp":0}`), opts, "accept"),
		kase("exp-string-ignored", hs256(`{"exp":"`+at(-60)+`"}`), opts, "accept"),
		kase("exp-null-ignored", hs256(`{"exp":null}`), opts, "accept"),
		kase("nbf-string-ignored", hs256(`{"nbf":"`+at(60)+`"}`), opts, "accept"),
		kase("iat-future", hs256(`{"iat":`+at(1)+`}`), opts, "reject/issued_in_future"),
		kase("leeway", hs256(`{}`), adaptertest.Options(t, "HS256", adaptertest.Leeway(0)), "unsupported"),
		kase("require", hs256(`{}`), adaptertest.Options(t, "HS256", adaptertest.Require(adapters.Exp)), "unsupported"),
	})
}

// kase is a contract case with its fields named.
func kase(name, token string, opts adapters.Options, want string) adaptertest.Case {
	return adaptertest.Case{Name: name, Token: token, Opts: opts, Want: want}
}
