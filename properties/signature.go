package properties

import (
	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/conformance"
)

// algorithmInvariance: RFC 7519 7.2 validates the signature (step 7, via
// RFC 7515) apart from the claims, and 4.1.4-4.1.6 judge the time claims
// by the clock alone, so the JWS algorithm never changes a time verdict:
// the same claims set signed with HS256, RS256, ES256 and EdDSA under the
// harness keys gets the same verdict and rejection class at the same clock
// and leeway. Only the algorithms the adapter verifies take part.
var algorithmInvariance = Property{
	Name:   "algorithm-invariance",
	Clause: "RFC 7519 7.2; RFC 7519 4.1.4-4.1.6",
	Law:    "the signature algorithm never changes a time verdict",
	unsupported: func(s conformance.Subject, o PropertyOptions) string {
		if len(algs(s)) < 2 {
			return "the adapter verifies fewer than two harness algorithms"
		}
		return ""
	},
	body: func(pc *propCase) {
		t := pc.t
		lw := pc.leeway()
		anchor := GenInstant().Draw(t, "anchor")
		cs := GenClaimsSet(anchor, NearValid).Draw(t, "claims")
		payload := cs.Bytes()
		c := pc.check(drawNow(t, cs, anchor, lw), lw)
		alg0 := pc.alg()
		first := pc.verify(alg0, payload, c, alg0)
		for _, alg := range pc.algs()[1:] {
			o := pc.verify(alg, payload, c, alg)
			pc.law(o.Verdict == first.Verdict && o.Class == first.Class, len(pc.calls)-1, "%s gave %s, %s gave %s", alg0, first, alg, o)
		}
	},
}

// determinism: RFC 7519 7.2 makes validation a function of the JWT and the
// validation inputs (here the clock, leeway and key): verifying the same
// token twice with the same options gives the same verdict and rejection
// class, the outcome every record and grade of this suite is made of. The
// library's error text is not compared: it explains a verdict without
// being one, and a library may word one rejection several ways (cap names
// whichever of two colliding claim names Go's map iteration visits first).
var determinism = Property{
	Name:   "determinism",
	Clause: "RFC 7519 7.2",
	Law:    "the same token verified twice with the same options gives the same verdict and rejection class",
	body: func(pc *propCase) {
		t := pc.t
		lw := pc.leeway()
		anchor := GenInstant().Draw(t, "anchor")
		cs := GenClaimsSet(anchor, NearValid).Draw(t, "claims")
		payload := cs.Bytes()
		alg := rapid.SampledFrom(pc.algs()).Draw(t, "alg")
		c := pc.check(drawNow(t, cs, anchor, lw), lw)
		o1 := pc.verify("first", payload, c, alg)
		o2 := pc.verify("second", payload, c, alg)
		pc.law(o1.Verdict == o2.Verdict && o1.Class == o2.Class, 1, "first %s, then %s", o1, o2)
	},
}
