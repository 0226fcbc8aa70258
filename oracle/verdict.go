package oracle

import "slices"

// Verdict is the RFC's verdict on a claims set: what a conforming verifier
// must do with it.
type Verdict string

// The verdicts of the oracle.
const (
	// Accept: a conforming verifier must accept.
	Accept Verdict = "accept"
	// Reject: a conforming verifier must reject.
	Reject Verdict = "reject"
	// Either: the RFC leaves the choice to the implementation, like
	// Wycheproof's "acceptable".
	Either Verdict = "either"
)

// Class is the kind of a rejection: why a verifier refuses a token.
type Class string

// The rejection classes.
const (
	Expired        Class = "expired"
	NotYetValid    Class = "not_yet_valid"
	IssuedInFuture Class = "issued_in_future"
	MalformedClaim Class = "malformed_claim"
	MissingClaim   Class = "missing_claim"
	MalformedToken Class = "malformed_token"
	Signature      Class = "signature"
	// KeyRefused: the library refuses the verification key itself, by a
	// policy of its own and whatever the token says, such as go-jose
	// refusing an HMAC secret shorter than the hash output (RFC 7518 3.2).
	// It is no verdict on the claims, so no judgement of the oracle names
	// it.
	KeyRefused Class = "key"
	Other      Class = "other"
	// TooOld: iat is further in the past than the caller's maximum token
	// age (Query.MaxAge), a policy check outside RFC 7519.
	TooOld Class = "too_old"
	// LifetimeTooLong: exp - iat exceeds the caller's maximum lifetime
	// (Query.MaxLifetime), a policy check outside RFC 7519.
	LifetimeTooLong Class = "lifetime_too_long"
)

// Classes lists every rejection class, sorted.
var Classes = []Class{Expired, IssuedInFuture, KeyRefused, LifetimeTooLong, MalformedClaim, MalformedToken, MissingClaim, NotYetValid, Other, Signature, TooOld}

// ValidClass reports whether c is one of Classes.
func ValidClass(c Class) bool { return slices.Contains(Classes, c) }

// Claim names a registered time claim of RFC 7519.
type Claim string

// The registered time claims.
const (
	Exp Claim = "exp"
	Nbf Claim = "nbf"
	Iat Claim = "iat"
)

// TimeClaims lists the time claims in a fixed order.
var TimeClaims = []Claim{Exp, Nbf, Iat}
