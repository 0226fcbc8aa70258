package properties

import (
	"math/big"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
)

// maxAge: a caller's maximum token age, a policy outside RFC 7519 (4.1.6
// gives iat no processing rule) that some libraries offer (jwx's
// WithMaxDelta(d, "", IssuedAtKey)): with max age m, a token carrying only
// iat is accepted exactly when the oracle, judging the stated policy
// (iat present and now - iat <= m + leeway), accepts it. The iat value is
// any NumericDate the boundary properties draw, m any duration from a
// nanosecond to decades, and the clock sits on or near iat + m + leeway.
// Points the RFC leaves open (a future iat, a number beyond binary64) bind
// nothing.
var maxAge = Property{
	Name:   "max-age",
	Clause: "RFC 7519 4.1.6 (iat; the max age is the caller's policy, outside the RFC)",
	Law:    "with a max age m, a token with only iat is accepted exactly when now - iat <= m + leeway",
	unsupported: func(s conformance.Subject, o PropertyOptions) string {
		if !s.Adapter.Supports(adapters.FeatureMaxAge) {
			return "the adapter cannot express a max age"
		}
		if o.mode() == conformance.Defaults {
			return "the defaults mode passes no max age"
		}
		return ""
	},
	body: func(pc *propCase) {
		t := pc.t
		lw := pc.leeway()
		m := GenMaxAge().Draw(t, "maxAge")
		anchor := GenInstant().Draw(t, "anchor")
		lit := GenDateNear(anchor).Draw(t, "iat")
		spelled := Respell(lit, GenSpelling().Draw(t, "spelling"))
		payload := ClaimsSet{Members: []Member{TimeClaim(adapters.Iat, spelled)}}.Bytes()
		var boundary *big.Int
		if n, ok := literalNanos(lit); ok {
			boundary = new(big.Int).Add(n, big.NewInt(int64(m)))
			boundary.Add(boundary, big.NewInt(int64(lw)))
		}
		c := pc.check(nowNear(t, boundary, lw), lw)
		c.MaxAge = m
		o := pc.verify("token", payload, c, pc.alg())
		rfc := pc.calls[len(pc.calls)-1].rfc
		if _, known := acceptance(o); known {
			pc.law(rfc.Allows(oracle.Verdict(o.Verdict)), 0, "max age %s: the stated policy says %s (%v), the library gave %s", m, rfc.Verdict, rfc.Reasons, o)
		}
	},
}

// GenMaxAge draws a maximum token age: a common one, or any from a
// nanosecond to ten years.
func GenMaxAge() *rapid.Generator[time.Duration] {
	return rapid.Custom(func(t *rapid.T) time.Duration {
		if rapid.Bool().Draw(t, "commonMaxAge") {
			return rapid.SampledFrom([]time.Duration{time.Second, time.Minute, 5 * time.Minute, time.Hour, 24 * time.Hour, 30 * 24 * time.Hour}).Draw(t, "maxAge")
		}
		return time.Duration(rapid.Int64Range(1, int64(10*365*24*time.Hour)).Draw(t, "maxAge"))
	})
}
