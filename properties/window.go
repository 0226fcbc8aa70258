package properties

import (
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/oracle"
)

// windowInterval: RFC 7519 4.1.4 and 4.1.5 together bound validity by
// "before exp" and "at or after nbf", each widened by the leeway, so the
// clock readings at which a token is accepted form one interval: there are
// no t1 < t2 < t3 with the token accepted at t1 and t3 but rejected at t2.
// The claims set is near-valid (wrong types, duplicates, unrelated claims,
// any layout), the leeway fixed, and the clocks cluster on the boundaries.
var windowInterval = Property{
	Name:   "window-interval",
	Clause: "RFC 7519 4.1.4, 4.1.5",
	Law:    "the clock readings at which a token is accepted form one interval",
	body: func(pc *propCase) {
		t := pc.t
		lw := pc.leeway()
		anchor := GenInstant().Draw(t, "anchor")
		cs := GenClaimsSet(anchor, NearValid).Draw(t, "claims")
		payload := cs.Bytes()
		var clocks []time.Time
		for range rapid.IntRange(3, 6).Draw(t, "clocks") {
			clocks = append(clocks, drawNow(t, cs, anchor, lw))
		}
		slices.SortFunc(clocks, func(a, b time.Time) int { return a.Compare(b) })
		clocks = slices.CompactFunc(clocks, time.Time.Equal)
		var accepts []int // call indexes, in clock order
		for _, now := range clocks {
			o := pc.verify("at "+nanosLiteral(oracle.Nanos(now)), payload, pc.check(now, lw), pc.alg())
			if ok, known := acceptance(o); known && ok {
				accepts = append(accepts, len(pc.calls)-1)
			}
		}
		if len(accepts) < 2 {
			return
		}
		for i := accepts[0] + 1; i < accepts[len(accepts)-1]; i++ {
			ok, known := acceptance(pc.calls[i].outcome)
			pc.law(!known || ok, i, "accepted at %s and at %s but rejected at %s in between",
				nanosLiteral(oracle.Nanos(pc.calls[accepts[0]].check.Now)), nanosLiteral(oracle.Nanos(pc.calls[accepts[len(accepts)-1]].check.Now)), nanosLiteral(oracle.Nanos(pc.calls[i].check.Now)))
		}
	},
}

// leewayMonotone: RFC 7519 4.1.4 and 4.1.5 let implementers "provide for
// some small leeway ... to account for clock skew": a leeway only widens
// the window, so a token accepted with leeway l is accepted with any
// leeway l' >= l at the same clock. Near-valid claims sets; adapters that
// cannot express a leeway are unsupported.
var leewayMonotone = Property{
	Name:        "leeway-monotone",
	Clause:      "RFC 7519 4.1.4, 4.1.5",
	Law:         "more leeway never rejects a token that less leeway accepted",
	unsupported: needsLeeway,
	body: func(pc *propCase) {
		t := pc.t
		anchor := GenInstant().Draw(t, "anchor")
		cs := GenClaimsSet(anchor, NearValid).Draw(t, "claims")
		payload := cs.Bytes()
		small := GenLeeway().Draw(t, "smallLeeway")
		extra := GenLeeway().Draw(t, "extraLeeway")
		large := small + extra
		if large < small {
			large = 1<<63 - 1 // saturate
		}
		now := drawNow(t, cs, anchor, large)
		o1 := pc.verify("with the smaller leeway", payload, pc.check(now, small), pc.alg())
		o2 := pc.verify("with the larger leeway", payload, pc.check(now, large), pc.alg())
		ok1, k1 := acceptance(o1)
		ok2, k2 := acceptance(o2)
		pc.law(!(k1 && k2 && ok1 && !ok2), 1, "accepted with leeway %s, rejected with %s", small, large)
	},
}
