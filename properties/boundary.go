package properties

import (
	"math/big"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

// expBoundary: RFC 7519 4.1.4, "the current date/time MUST be before the
// expiration date/time listed in the exp claim", with the leeway the
// section allows: a token carrying only exp is accepted exactly when
// now < exp + leeway. The exp value is any NumericDate (fractional, below
// the nanosecond, at the float64 and int64 limits, negative, respelled) and
// the clock sits on, a nanosecond, a second or a leeway either side of the
// boundary. An adapter that cannot express a leeway runs in its defaults
// mode, judged with leeway 0.
var expBoundary = Property{
	Name:   "exp-boundary",
	Clause: "RFC 7519 4.1.4",
	Law:    "a token with only exp is accepted exactly when now < exp + leeway",
	body: func(pc *propCase) {
		boundaryCase(pc, adapters.Exp, func(cmpNowPlusLeeway int) bool { return cmpNowPlusLeeway < 0 })
	},
}

// nbfBoundary: RFC 7519 4.1.5, "the current date/time MUST be after or
// equal to the not-before date/time listed in the nbf claim", with the
// leeway: a token carrying only nbf is accepted exactly when
// now >= nbf - leeway, drawn as exp-boundary draws.
var nbfBoundary = Property{
	Name:   "nbf-boundary",
	Clause: "RFC 7519 4.1.5",
	Law:    "a token with only nbf is accepted exactly when now >= nbf - leeway",
	body: func(pc *propCase) {
		boundaryCase(pc, adapters.Nbf, func(cmpNowPlusLeeway int) bool { return cmpNowPlusLeeway >= 0 })
	},
}

// boundaryCase draws a token holding only claim, a leeway and a clock on
// or near the claim's boundary, and checks the library accepts exactly when
// valid says so of boundaryCmp.
func boundaryCase(pc *propCase, claim adapters.Claim, valid func(int) bool) {
	t := pc.t
	lw := pc.leeway()
	anchor := GenInstant().Draw(t, "anchor")
	lit := GenDateNear(anchor).Draw(t, string(claim))
	spelled := Respell(lit, GenSpelling().Draw(t, "spelling"))
	payload := ClaimsSet{Members: []Member{TimeClaim(claim, spelled)}}.Bytes()
	var boundary *big.Int
	if n, ok := literalNanos(lit); ok {
		boundary = new(big.Int).Set(n)
		if claim == adapters.Exp {
			boundary.Sub(boundary, big.NewInt(int64(lw)))
		} else {
			boundary.Add(boundary, big.NewInt(int64(lw)))
		}
	}
	now := nowNear(t, boundary, lw)
	c := pc.check(now, lw)
	o := pc.verify("token", payload, c, pc.alg())
	want := valid(boundaryCmp(claim, now, c.RFC().Leeway, lit))
	if got, known := acceptance(o); known {
		pc.law(got == want, 0, "%s: the law says accept=%t, the library gave %s", claim, want, o)
	}
}

// boundaryCmp compares the clock with a claim exactly: for exp it is
// sign(now - (exp + leeway)), so the token is valid below zero; for nbf it
// is sign(now - (nbf - leeway)), valid at zero and above.
func boundaryCmp(claim adapters.Claim, now time.Time, lw time.Duration, lit string) int {
	n := oracle.Nanos(now)
	if claim == adapters.Exp {
		n.Sub(n, big.NewInt(int64(lw)))
	} else {
		n.Add(n, big.NewInt(int64(lw)))
	}
	return oracle.DecimalFromNanos(n).Cmp(oracle.ParseDecimal(lit))
}

// drawNow draws a clock reading near the boundary of one of cs's numeric
// time claims, or near anchor.
func drawNow(t *rapid.T, cs ClaimsSet, anchor *big.Int, lw time.Duration) time.Time {
	points := []*big.Int{anchor}
	for _, m := range cs.Members {
		if m.Claim == "" || !m.Number {
			continue
		}
		if n, ok := literalNanos(m.Value); ok {
			points = append(points, new(big.Int).Sub(n, big.NewInt(int64(lw))), new(big.Int).Add(n, big.NewInt(int64(lw))))
		}
	}
	return nowNear(t, rapid.SampledFrom(points).Draw(t, "boundary"), lw)
}
