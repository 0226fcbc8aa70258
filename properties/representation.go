package properties

import (
	"math/big"

	"pgregory.net/rapid"
)

// The representation properties: a claims set is a JSON object, so what
// RFC 8259 calls insignificant, and claims RFC 7519 says to ignore, must
// not change whether a token is accepted. Each draws a base claims set
// with wrong types and duplicated claims, a clock near one of its
// boundaries and a leeway, changes one thing, and compares the verdicts
// (accept or reject; the rejection class may differ when two claims fail).

// memberOrder: RFC 8259 4, "An object is an unordered collection of zero
// or more name/value pairs": reordering the members (keeping repeated
// names in their order, since the last one wins under RFC 7519 4) never
// changes the verdict. Case variants such as "EXP" are distinct names.
var memberOrder = Property{
	Name:   "member-order",
	Clause: "RFC 8259 4; RFC 7519 4",
	Law:    "reordering the members of the claims set never changes the verdict",
	body: func(pc *propCase) {
		invarianceCase(pc, ClaimsShape{WrongTypes: true, Duplicates: true, Unrelated: true}, "reordered",
			func(t *rapid.T, c ClaimsSet, _ *big.Int) ClaimsSet { return Reorder(t, c) })
	},
}

// whitespaceInvariance: RFC 8259 2, "Insignificant whitespace is allowed
// before or after any of the six structural characters": whitespace in
// any gap never changes the verdict.
var whitespaceInvariance = Property{
	Name:   "whitespace",
	Clause: "RFC 8259 2",
	Law:    "insignificant whitespace never changes the verdict",
	body: func(pc *propCase) {
		invarianceCase(pc, ClaimsShape{WrongTypes: true, Duplicates: true, Unrelated: true}, "spaced",
			func(t *rapid.T, c ClaimsSet, _ *big.Int) ClaimsSet { return Spaced(t, c) })
	},
}

// numberSpelling: RFC 7519 2 defines a NumericDate as "A JSON numeric
// value", and RFC 8259 6 gives a number many spellings: 1700000001,
// 1700000001.0, 1.700000001e9, 17000000010e-1 and -0 for 0 are the same
// value, so respelling every number never changes the verdict.
var numberSpelling = Property{
	Name:   "number-spelling",
	Clause: "RFC 7519 2; RFC 8259 6",
	Law:    "writing a NumericDate with another spelling of the same number never changes the verdict",
	body: func(pc *propCase) {
		invarianceCase(pc, ClaimsShape{WrongTypes: true, Duplicates: true, Unrelated: true}, "respelled",
			func(t *rapid.T, c ClaimsSet, _ *big.Int) ClaimsSet { return Respelled(t, c) })
	},
}

// unrelatedClaims: RFC 7519 4, "all claims that are not understood by
// implementations MUST be ignored": adding claims other than exp, nbf and
// iat (private names, case variants such as "EXP", well-typed registered
// string claims) never changes the verdict.
var unrelatedClaims = Property{
	Name:   "unrelated-claims",
	Clause: "RFC 7519 4",
	Law:    "adding claims other than exp, nbf and iat never changes the verdict",
	body: func(pc *propCase) {
		invarianceCase(pc, ClaimsShape{WrongTypes: true, Duplicates: true}, "with unrelated claims",
			func(t *rapid.T, c ClaimsSet, anchor *big.Int) ClaimsSet {
				return WithUnrelated(t, c, anchor)
			})
	},
}

// nameEscaping: RFC 7519 7.3 defers to RFC 8259 8.3, which compares member
// names after unescaping, code unit by code unit: "\u0065xp" is "exp", so
// escaping the characters of a time claim's name never changes the
// verdict.
var nameEscaping = Property{
	Name:   "name-escaping",
	Clause: "RFC 7519 7.3; RFC 8259 7, 8.3",
	Law:    "escaping the characters of a claim name never changes the verdict",
	body: func(pc *propCase) {
		invarianceCase(pc, ClaimsShape{WrongTypes: true, Duplicates: true, Unrelated: true}, "escaped",
			func(t *rapid.T, c ClaimsSet, _ *big.Int) ClaimsSet { return EscapeNames(t, c) })
	},
}

// invarianceCase draws a base claims set of the given shape, a clock and a
// leeway, and checks the verdict on change(base) equals the base's.
func invarianceCase(pc *propCase, shape ClaimsShape, what string, change func(*rapid.T, ClaimsSet, *big.Int) ClaimsSet) {
	t := pc.t
	lw := pc.leeway()
	anchor := GenInstant().Draw(t, "anchor")
	base := GenClaimsSet(anchor, shape).Draw(t, "base")
	variant := change(t, base, anchor)
	c := pc.check(drawNow(t, base, anchor, lw), lw)
	o1 := pc.verify("base", base.Bytes(), c, pc.alg())
	o2 := pc.verify(what, variant.Bytes(), c, pc.alg())
	ok1, k1 := acceptance(o1)
	ok2, k2 := acceptance(o2)
	pc.law(!k1 || !k2 || ok1 == ok2, 1, "the base gave %s, %s it gave %s", o1, what, o2)
}
