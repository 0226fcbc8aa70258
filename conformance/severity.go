package conformance

import (
	"slices"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

// Severity grades how an outcome departs from the RFC, in the RFC's own
// terms: what it forbids (security, lenient), what it permits a verifier to
// choose (policy, info) and what it requires to work (interop).
type Severity string

// The severities, most serious first. Rules says which outcome gets which.
const (
	// None: the outcome is what the RFC requires, or the test did not run.
	None Severity = ""
	// Security: the library accepts a token the RFC requires to be
	// rejected for a time reason beyond any leeway the RFC permits, or it
	// panicked, hung or allocated without bound.
	Security Severity = "security"
	// Lenient: the library accepts input the RFC requires to be rejected,
	// where the time claims as the library read them would still pass.
	Lenient Severity = "lenient"
	// Interop: the library rejects what the RFC says it must accept.
	Interop Severity = "interop"
	// Policy: a choice the RFCs permit that a user must know about: a
	// leeway of at most five minutes, a claim required by default, iat
	// checked, a key-length rule.
	Policy Severity = "policy"
	// Info: the RFC leaves the choice to the implementation.
	Info Severity = "info"
)

// Severities lists the non-empty severities, most serious first.
var Severities = []Severity{Security, Lenient, Interop, Policy, Info}

// Rank orders severities: 0 for the most serious, len(Severities) for
// None, so that sorting by rank puts the gravest first.
func (s Severity) Rank() int {
	if i := slices.Index(Severities, s); i >= 0 {
		return i
	}
	return len(Severities)
}

// Worse reports whether s is more serious than o.
func (s Severity) Worse(o Severity) bool { return s.Rank() < o.Rank() }

// PermittedLeeway is the most clock skew this suite reads RFC 7519 4.1.4's
// "some small leeway, usually no more than a few minutes" to allow: a
// window widened by at most this much is a policy, not a fail-open.
const PermittedLeeway = 5 * time.Minute

// Graded is what a rule looks at: one verification of one claims set.
type Graded struct {
	// Payload is the claims set the library verified.
	Payload []byte
	// Query is what the library was asked.
	Query oracle.Query
	// Outcome is what the library did.
	Outcome adapters.Outcome
	// RFC is the oracle's judgement of Payload under Query.RFC().
	RFC oracle.Judgement
}

// Rule is one documented grading rule: it gives a severity, or None when it
// does not apply.
type Rule struct {
	// Severity is what the rule gives.
	Severity Severity
	// Name is the rule's short name, as the README lists it.
	Name string
	// Doc says when the rule applies, in the RFC's terms.
	Doc string
	// Applies reports whether the rule applies to g.
	Applies func(g Graded) bool
}

// Rules are the grading rules in the order Grade tries them; the first
// that applies gives the severity. An outcome the RFC allows and a
// verification that did not run get None before any rule is tried.
var Rules = []Rule{
	{Security, "fails unsafely",
		"the library panicked or did not return within the bound: a caller can make it happen",
		func(g Graded) bool {
			return g.Outcome.Verdict == adapters.Panic || g.Outcome.Verdict == adapters.Timeout
		}},
	{Policy, "key refused",
		"the library refuses the verification key itself (an HMAC key shorter than the hash, RFC 7518 3.2), whatever the claims",
		func(g Graded) bool {
			return g.Outcome.Verdict == adapters.Reject && g.Outcome.Class == adapters.KeyRefused
		}},
	{Policy, "claim required or iat checked",
		"the library rejects, as a missing claim or an iat in the future, a token the RFC accepts or leaves open: RFC 7519 4.1 makes every claim optional and 4.1.6 gives iat no check, but lets an application require and check them",
		func(g Graded) bool {
			return g.Outcome.Verdict == adapters.Reject && g.RFC.Verdict != oracle.Reject &&
				(g.Outcome.Class == adapters.MissingClaim || g.Outcome.Class == adapters.IssuedInFuture)
		}},
	{Info, "either",
		"the RFC leaves the point to the implementation (an either vector), so either verdict conforms",
		func(g Graded) bool { return g.RFC.Verdict == oracle.Either }},
	{Interop, "rejects valid",
		"the library rejects a token the RFC requires to be accepted",
		Graded.rejectsValid},
	{Policy, "within permitted leeway",
		"the library accepts a token that the RFC accepts once the window is widened by at most five minutes on each side: RFC 7519 4.1.4 and 4.1.5 let a verifier provide 'some small leeway, usually no more than a few minutes' (a built-in default leeway, a boundary compared inclusively). A maximum age or lifetime the caller asked for (outside RFC 7519) is graded as a time bound of the same kind: exceeded by at most five minutes beyond the stated bound and leeway, it is this policy",
		func(g Graded) bool {
			return g.acceptsInvalid() && permittedWindow.Judge(g.Payload, widened(g.Query.RFC())).Verdict != oracle.Reject
		}},
	{Lenient, "lenient parsing, no time consequence",
		"the library accepts a claims set the RFC requires to be rejected as JSON (a byte-order mark, invalid UTF-8, a lone surrogate, trailing bytes, JSON null, deep nesting, odd non-time claims), and a reader that repairs the text accepts its time claims within the permitted leeway",
		func(g Graded) bool {
			return g.acceptsInvalid() && repairingReader.Judge(g.Payload, widened(g.Query.RFC())).Verdict != oracle.Reject
		}},
	{Security, "accepts invalid",
		"the library accepts a token the RFC requires to be rejected for a time reason beyond any permitted leeway, or through a claim-name, number or duplicate trick; or one older or longer-lived than the maximum age or lifetime the caller asked for by more than five minutes beyond its leeway, or with no iat when a maximum age was asked for: the caller's own time bound fails open",
		Graded.acceptsInvalid},
}

// Grade is the severity of outcome o of payload under query q, where rfc
// is the oracle's judgement of it (oracle.Judge(payload, q.RFC())): the
// severity of the first of Rules that applies.
func Grade(payload []byte, q oracle.Query, o adapters.Outcome, rfc oracle.Judgement) Severity {
	if r := RuleFor(Graded{payload, q, o, rfc}); r != nil {
		return r.Severity
	}
	return None
}

// RuleFor is the first of Rules that applies to g, nil when the outcome is
// one the RFC allows or the verification did not run.
func RuleFor(g Graded) *Rule {
	o := g.Outcome
	if o.Verdict == adapters.Unsupported {
		return nil
	}
	agrees := (o.Verdict == adapters.Accept || o.Verdict == adapters.Reject) &&
		g.RFC.Verdict != oracle.Either && g.RFC.Allows(oracle.Verdict(o.Verdict))
	if agrees && o.Class != adapters.KeyRefused {
		return nil
	}
	for i := range Rules {
		if Rules[i].Applies(g) {
			return &Rules[i]
		}
	}
	return nil
}

func (g Graded) rejectsValid() bool {
	return g.Outcome.Verdict == adapters.Reject && g.RFC.Verdict == oracle.Accept
}

func (g Graded) acceptsInvalid() bool {
	return g.Outcome.Verdict == adapters.Accept && g.RFC.Verdict == oracle.Reject
}

// widened is q with its leeway widened by PermittedLeeway.
func widened(q oracle.Query) oracle.Query {
	q.Leeway += PermittedLeeway
	q.SetLeeway = true
	return q
}

// permittedWindow is RFC 7519 with the widest window this suite reads it to
// permit: exp included, so that five minutes of leeway reach exp + 5m.
var permittedWindow = oracle.Model{Exp: oracle.ClaimRule{Boundary: oracle.BoundaryInclusive}}

// repairingReader reads JSON text as the most forgiving library parser
// does, and time claims exactly as RFC 7519: what it rejects is rejected
// for a time reason.
var repairingReader = oracle.Model{
	BOM:                 oracle.ChoiceAccept,
	InvalidUTF8Accepted: true,
	LoneSurrogate:       oracle.ChoiceAccept,
	DeepNesting:         oracle.ChoiceAccept,
	NestedDuplicates:    oracle.ChoiceAccept,
	StringClaims:        oracle.ChoiceAccept,
	NullClaimsSet:       true,
	TrailingIgnored:     true,
	// A quoted number is read as the number it spells, so a library that
	// ignores a quoted exp is judged on the time it hides.
	Quoted: oracle.QuotedJSONNumber,
	// null carries no time: a library reading it as absent reads no less
	// than the issuer wrote.
	Exp: oracle.ClaimRule{NullAbsent: true, Boundary: oracle.BoundaryInclusive},
	Nbf: oracle.ClaimRule{NullAbsent: true},
	Iat: oracle.ClaimRule{NullAbsent: true},
}

// GradePaddedToken is the severity of outcome o of a token the RFC rejects
// for its encoding alone (base64url with '=' padding, RFC 7515 2), whose
// claims set is payload: an accept is at least lenient, and graded as an
// accept of those claims when that is graver (an expired token accepted
// through padding is still a security result); any other outcome is graded
// as Grade grades it against tokenRFC.
func GradePaddedToken(payload []byte, q oracle.Query, o adapters.Outcome, tokenRFC oracle.Judgement) Severity {
	if o.Verdict != adapters.Accept {
		return Grade(payload, q, o, tokenRFC)
	}
	if g := Grade(payload, q, o, oracle.Judge(payload, q.RFC())); g.Worse(Lenient) {
		return g
	}
	return Lenient
}
