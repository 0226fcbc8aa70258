package oracle

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"slices"
	"time"
	"unicode/utf8"
)

// Query is what one verification is asked: the clock, the leeway and the
// claims that must be present.
type Query struct {
	// Now is the clock reading, exact to the nanosecond.
	Now time.Time
	// Leeway is the clock-skew allowance, when SetLeeway is true.
	Leeway time.Duration
	// SetLeeway is false in the defaults mode: no leeway option is passed,
	// so the library's own default (zero, for the RFC) applies.
	SetLeeway bool
	// Require lists the claims that must be present.
	Require []Claim
	// MaxAge, when positive, is the caller's maximum token age: iat must
	// be present and now - iat <= MaxAge + leeway. RFC 7519 has no such
	// rule (4.1.6 gives iat no processing rule); it is a policy the caller
	// states, judged exactly as stated, with the clock as given (not cut
	// to the model's clock unit).
	MaxAge time.Duration
	// MaxLifetime, when positive, is the caller's maximum token lifetime:
	// exp and iat must be present and exp - iat <= MaxLifetime + leeway; a
	// policy outside RFC 7519 like MaxAge.
	MaxLifetime time.Duration
}

// RFC is the query the RFC verdict is computed under: with no leeway
// option (a library's defaults), leeway 0 and nothing required; a maximum
// age or lifetime, which only the caller can ask for, stays.
func (q Query) RFC() Query {
	if !q.SetLeeway {
		return Query{Now: q.Now, SetLeeway: true, MaxAge: q.MaxAge, MaxLifetime: q.MaxLifetime}
	}
	return q
}

// Judgement is a verdict with the reasons behind it.
type Judgement struct {
	// Verdict is accept, reject or either.
	Verdict Verdict `json:"verdict"`
	// Classes are the rejection classes a rejecting implementation may
	// give, sorted; empty for accept.
	Classes []Class `json:"classes,omitempty"`
	// Reasons explain the verdict, each naming its clause.
	Reasons []string `json:"reasons,omitempty"`
}

// Allows reports whether the judgement permits a verdict.
func (j Judgement) Allows(v Verdict) bool {
	switch v {
	case Accept:
		return j.Verdict != Reject
	case Reject:
		return j.Verdict != Accept
	}
	return false
}

// Judge judges a claims set by RFC 7519 alone, with no library underneath.
func Judge(payload []byte, c Query) Judgement {
	return Model{}.Judge(payload, c)
}

// allowed is a set of permitted outcomes while a judgement is built.
type allowed struct {
	accept, reject bool
	classes        map[Class]bool
	reasons        []string
}

func accepted() *allowed { return &allowed{accept: true} }

func (a *allowed) deny(f failure) {
	a.accept = false
	a.permit(f)
}

// permit adds reject as a permitted outcome without removing accept.
func (a *allowed) permit(f failure) {
	a.reject = true
	if a.classes == nil {
		a.classes = map[Class]bool{}
	}
	a.classes[f.class] = true
	a.reasons = append(a.reasons, f.reason)
}

// union widens a with everything b permits.
func (a *allowed) union(b *allowed) {
	a.accept = a.accept || b.accept
	if b.reject {
		a.reject = true
		if a.classes == nil {
			a.classes = map[Class]bool{}
		}
		for c := range b.classes {
			a.classes[c] = true
		}
	}
	a.reasons = append(a.reasons, b.reasons...)
}

func (a *allowed) judgement() Judgement {
	j := Judgement{Reasons: a.reasons}
	switch {
	case a.accept && a.reject:
		j.Verdict = Either
	case a.accept:
		j.Verdict = Accept
		j.Reasons = nil
	default:
		j.Verdict = Reject
	}
	if j.Verdict != Accept {
		for c := range a.classes {
			j.Classes = append(j.Classes, c)
		}
		slices.Sort(j.Classes)
	}
	return j
}

var bom = []byte("\xef\xbb\xbf")

// Judge is the model's judgement of payload under c.
func (s Model) Judge(payload []byte, c Query) Judgement {
	return s.judgeParsed(payload, c, &parses{})
}

// judgeParsed is judge with the parses of payload shared through ps.
func (s *Model) judgeParsed(payload []byte, c Query, ps *parses) Judgement {
	return s.decide(payload, c, ps).judgement()
}

// Payload is one claims set to judge under several models and queries,
// parsed once: the parse is the same whatever the model.
type Payload struct {
	b      []byte
	parses parses
}

// NewPayload returns a payload of b, which must not change while the
// payload is in use.
func NewPayload(b []byte) *Payload { return &Payload{b: b} }

// Judge is model m's judgement of the payload under q.
func (p *Payload) Judge(m *Model, q Query) Judgement {
	return m.judgeParsed(p.b, q, &p.parses)
}

// parses remembers the parses of one payload (and of it less a byte-order
// mark), so that several semantics judging it parse it once. The slot is
// chosen by length: the payload and its BOM-less rest differ in it.
type parses struct {
	entries [2]parsed
	n       int
}

type parsed struct {
	length   int
	leading  bool // parseLeadingObject rather than parseDocument
	doc      document
	err      error
	hasValue bool
}

func (ps *parses) get(b []byte, leading bool) (document, error) {
	for i := range ps.n {
		if e := ps.entries[i]; e.hasValue && e.length == len(b) && e.leading == leading {
			return e.doc, e.err
		}
	}
	var doc document
	var err error
	if leading {
		doc, err = parseLeadingObject(b)
	} else {
		doc, err = parseDocument(b)
	}
	if ps.n < len(ps.entries) {
		ps.entries[ps.n] = parsed{length: len(b), leading: leading, doc: doc, err: err, hasValue: true}
		ps.n++
	}
	return doc, err
}

func (s *Model) decide(payload []byte, c Query, ps *parses) *allowed {
	// Only one byte-order mark may be ignored: what follows it must be JSON.
	if rest, ok := bytes.CutPrefix(payload, bom); ok {
		f := failure{MalformedToken, "byte-order mark before the JSON text (RFC 8259 8.1: a parser MAY ignore it)"}
		if r, done := resolve(s.BOM, f); done {
			return r
		} else if r != nil {
			r.union(s.decideText(rest, c, ps))
			return r
		}
		payload = rest
	}
	return s.decideText(payload, c, ps)
}

// decideText judges a payload with any byte-order mark already handled.
func (s *Model) decideText(payload []byte, c Query, ps *parses) *allowed {
	if !utf8.Valid(payload) && !s.InvalidUTF8Accepted {
		a := accepted()
		a.deny(failure{MalformedToken, "claims set is not valid UTF-8 (RFC 7519 7.2 step 10, RFC 8259 8.1)"})
		return a
	}
	doc, err := ps.get(payload, false)
	if err != nil && s.TrailingIgnored {
		doc, err = ps.get(payload, true)
	}
	if err != nil && s.NullClaimsSet && nullClaimsSet(payload, s.TrailingIgnored) {
		doc, err = document{}, nil
	}
	if err != nil {
		a := accepted()
		a.deny(failure{MalformedToken, fmt.Sprintf("claims set is not a JSON object: %v (RFC 7519 7.2 step 10)", err)})
		return a
	}
	if s.Float64Anywhere && doc.beyondFloat64 != "" {
		a := accepted()
		a.deny(failure{MalformedToken, fmt.Sprintf("the number %s is beyond the float64 range (RFC 8259 9: a parser may limit the range of numbers)", doc.beyondFloat64)})
		return a
	}
	var pending []*allowed
	for _, p := range []struct {
		on bool
		c  Choice
		f  failure
	}{
		{doc.loneSurrogate, s.LoneSurrogate, failure{MalformedToken, "lone surrogate escape (RFC 8259 8.2: behaviour unpredictable)"}},
		{s.tooDeep(doc.depth), s.DeepNesting, failure{MalformedToken, "nesting too deep (RFC 8259 9: a parser may limit depth)"}},
		{doc.nestedDup, s.NestedDuplicates, failure{MalformedToken, "duplicate member name inside a claim value (RFC 8259 4: behaviour unpredictable)"}},
	} {
		if !p.on {
			continue
		}
		r, done := resolve(p.c, p.f)
		if done {
			return r
		}
		if r != nil {
			pending = append(pending, r)
		}
	}
	pick := s.Duplicates
	if doc.dupNames {
		f := failure{MalformedToken, "duplicate claim name (RFC 7519 4: reject, or take the lexically last)"}
		switch s.Duplicates {
		case DuplicatesReject:
			a := accepted()
			a.deny(f)
			return a
		case DuplicatesOpen:
			a := accepted()
			a.deny(f)
			pending = append(pending, a)
			pick = DuplicatesLast
		}
	}
	if name, ok := foldCollision(doc); ok && s.FoldCollisionRejected {
		a := accepted()
		a.deny(failure{MalformedClaim, fmt.Sprintf("claim name %q folds to a registered claim name; RFC 7519 4 compares names exactly, so it is an unrelated claim", name)})
		return a
	}
	var out *allowed
	if s.SkipTimeChecksOnDecodeFailure {
		// The two decodes settle the types of iss, sub, aud and jti.
		out = s.decodeTwice(doc)
	} else if name, ok := s.mistypedStringClaim(doc); ok {
		f := failure{MalformedClaim, fmt.Sprintf("%s is not a string (RFC 7519 4.1: a StringOrURI; the RFC sets no rule for rejecting it)", name)}
		if r, done := resolve(s.StringClaims, f); done {
			return r
		} else if r != nil {
			pending = append(pending, r)
		}
	}
	if out == nil {
		out = s.claims(doc, pick, c)
	}
	for _, p := range pending {
		out.union(p)
	}
	return out
}

// nullClaimsSet reports whether the claims set a decoder reads from payload
// is JSON null: the whole payload, or with trailing ignored its first value,
// since a json.Decoder ends a top-level literal at the first byte after it
// ("null0" reads as null).
func nullClaimsSet(payload []byte, trailingIgnored bool) bool {
	p := bytes.TrimLeft(payload, " \t\r\n")
	if trailingIgnored {
		return bytes.HasPrefix(p, []byte("null"))
	}
	return string(bytes.TrimRight(p, " \t\r\n")) == "null"
}

// tooDeep reports whether nesting to depth reaches the point where the
// semantics' depth choice applies.
func (s *Model) tooDeep(depth int) bool {
	if s.DepthLimit > 0 {
		return depth > s.DepthLimit
	}
	return depth > MaxDepth
}

// resolve turns a choice into outcomes: done with a rejection, nil to go
// on as if nothing happened, or a rejection to union with what follows.
func resolve(ch Choice, f failure) (*allowed, bool) {
	a := accepted()
	a.deny(f)
	switch ch {
	case ChoiceReject:
		return a, true
	case ChoiceAccept:
		return nil, false
	}
	return a, false
}

// stringClaims are the registered claims RFC 7519 4.1 types as strings;
// "aud" may also be an array of strings.
var stringClaims = []string{"iss", "sub", "aud", "jti"}

// mistypedStringClaim finds an occurrence of iss, sub, aud or jti whose
// value is not a string (nor, for aud, an array of strings). A null counts
// as absent, as a decoder into a Go string reads it.
func (s *Model) mistypedStringClaim(doc document) (string, bool) {
	for _, m := range doc.members {
		name := s.stringClaim(m.name)
		if name == "" {
			continue
		}
		switch {
		case m.kind == kString, m.kind == kNull && !s.StringClaimsStrict:
		case name == "aud" && m.kind == kArray && m.strings && !(s.StringClaimsStrict && emptyArray(m.text)):
		default:
			return name, true
		}
	}
	return "", false
}

// registeredNames are the claim names RFC 7519 4.1 registers.
var registeredNames = []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti"}

// foldCollision finds a member name that is not a registered claim name
// but equals one under Unicode simple case folding ("EXP", "ſub").
func foldCollision(doc document) (string, bool) {
	for _, m := range doc.members {
		for _, r := range registeredNames {
			if string(m.name) != r && bytes.EqualFold(m.name, []byte(r)) {
				return string(m.name), true
			}
		}
	}
	return "", false
}

// emptyArray reports whether the array literal text holds no element.
func emptyArray(text []byte) bool {
	return len(text) >= 2 && len(bytes.TrimSpace(text[1:len(text)-1])) == 0
}

// stringClaim is the registered string claim a member name matches, or "".
func (s *Model) stringClaim(name []byte) string {
	if !s.CaseFold {
		// Exact names: the first byte tells which one it could be.
		if len(name) != 3 {
			return ""
		}
		var c string
		switch name[0] {
		case 'i':
			c = "iss"
		case 's':
			c = "sub"
		case 'a':
			c = "aud"
		case 'j':
			c = "jti"
		}
		if c != "" && string(name) == c {
			return c
		}
		return ""
	}
	for _, c := range stringClaims {
		if string(name) == c || (s.CaseFold && foldEqual(name, c)) {
			return c
		}
	}
	return ""
}

// foldEqual is bytes.EqualFold(name, []byte(claim)) for a claim name,
// which is ASCII: a name whose first byte is ASCII matches only if that
// byte does, so most names are told apart there. (A non-ASCII first byte
// can still fold to an ASCII letter: U+017F to s, U+212A to k.)
func foldEqual(name []byte, claim string) bool {
	if len(name) > 0 && len(claim) > 0 && name[0] < utf8.RuneSelf && lowerASCII(name[0]) != lowerASCII(claim[0]) {
		return false
	}
	return bytes.EqualFold(name, []byte(claim))
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// claimValue is a time claim as the model reads it.
type claimValue struct {
	present bool
	// unchecked: present, so it satisfies a requirement, but never compared.
	unchecked bool
	malformed string // why the value is not a NumericDate, if it is not
	at        Decimal
	// limited, when set, is a rejection the RFC permits but does not
	// require: the number is beyond what RFC 8259 names interoperable.
	limited failure
}

// clock is the clock reading as the model sees it: whole seconds and
// nanoseconds, cut to the model's clock unit.
func (s *Model) clock(now time.Time) (sec, nsec int64) {
	sec, nsec = now.Unix(), int64(now.Nanosecond())
	u := int64(s.Clock.Unit)
	if u <= 0 || s.Clock.Rounding == RoundExact {
		return sec, nsec
	}
	nearest := s.Clock.Rounding == RoundNearest
	if u < 1e9 {
		// A unit below a second: cut the nanoseconds.
		r := nsec % u
		nsec -= r
		if nearest && 2*r >= u {
			nsec += u
		}
		if nsec >= 1e9 {
			sec, nsec = sec+1, nsec-1e9
		}
		return sec, nsec
	}
	us := u / 1e9 // whole seconds: the unit must be a multiple of one
	q := floorDiv(sec, us) * us
	if nearest && 2*((sec-q)*1e9+nsec) >= u {
		q += us
	}
	return q, 0
}

// floorDiv is a / b rounded toward the past.
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// nanosDecimal is sec seconds, nsec nanoseconds plus shift nanoseconds,
// exactly.
func nanosDecimal(sec, nsec int64, shift time.Duration) Decimal {
	if ns, ok := int64Bound(sec, nsec, shift); ok {
		return DecimalFromInt64Nanos(ns)
	}
	n := new(big.Int).Mul(big.NewInt(sec), big.NewInt(1e9))
	n.Add(n, big.NewInt(nsec))
	n.Add(n, big.NewInt(int64(shift)))
	return DecimalFromNanos(n)
}

// int64Bound is sec seconds, nsec nanoseconds plus shift nanoseconds in
// nanoseconds, when that fits an int64.
func int64Bound(sec, nsec int64, shift time.Duration) (int64, bool) {
	const safe int64 = 9e9 // seconds whose nanoseconds fit in an int64
	if sec <= -safe || sec >= safe {
		return 0, false
	}
	ns, lw := sec*1e9+nsec, int64(shift)
	if (lw >= 0 && ns < math.MaxInt64-lw) || (lw < 0 && ns > math.MinInt64-lw) {
		return ns + lw, true
	}
	return 0, false
}

// cmpClock compares instant d with the clock sec, nsec moved by shift.
func cmpClock(d Decimal, sec, nsec int64, shift time.Duration) int {
	if ns, ok := int64Bound(sec, nsec, shift); ok {
		return d.cmpNanos(ns)
	}
	return d.Cmp(nanosDecimal(sec, nsec, shift))
}

// leeway is the leeway claim rule r applies under c, signed as it moves
// the claim's bound: positive widens the window.
func (s *Model) leeway(r *ClaimRule, c Query) time.Duration {
	lw := r.DefaultLeeway
	if c.SetLeeway {
		lw = c.Leeway
	}
	switch r.Leeway {
	case LeewayIgnored:
		return 0
	case LeewayNarrows:
		return -lw
	}
	return lw
}

func (s *Model) claims(doc document, pick Duplicates, c Query) *allowed {
	a := accepted()
	sec, nsec := s.clock(c.Now)
	now := func() Decimal { return nanosDecimal(sec, nsec, 0) } // for reasons only
	var values [3]claimValue
	for i, name := range TimeClaims {
		v, fail := s.lookup(doc, name, pick)
		if fail.failed() {
			a.deny(fail)
			v = claimValue{malformed: "-"} // judged: skip below
		} else if v.limited.failed() {
			a.permit(v.limited)
		}
		values[i] = v
	}
	for i, name := range TimeClaims {
		r := s.Rule(name)
		v := &values[i]
		if !v.present && v.malformed == "" && r.Synthesis.From != "" {
			if at, ok := r.Synthesis.derive(values); ok {
				*v = claimValue{present: true, at: at}
			}
		}
	}
	for i, name := range TimeClaims {
		v := values[i]
		if v.malformed == "-" {
			continue
		}
		r := s.Rule(name)
		policy := c.policyRequires(name)
		required := r.Required || slices.Contains(c.Require, name) || policy != ""
		clause := clause(name)
		switch {
		case !v.present, v.malformed != "" && r.WrongTypeIgnored:
			if required {
				why := clause
				if policy != "" && !r.Required && !slices.Contains(c.Require, name) {
					why = policy
				}
				a.deny(failure{MissingClaim, fmt.Sprintf("%s is required but missing (%s)", name, why)})
			}
			continue
		case v.malformed != "":
			f := failure{MalformedClaim, fmt.Sprintf("%s is %s, not a NumericDate (%s)", name, v.malformed, clause)}
			if policy != "" {
				f.reason = fmt.Sprintf("%s is %s, not a NumericDate (%s), and %s needs it", name, v.malformed, clause, policy)
			}
			if name != Iat || required {
				a.deny(f)
				continue
			}
			f.reason = fmt.Sprintf("iat is %s, not a NumericDate; the RFC gives iat no processing rule (%s)", v.malformed, clause)
			if r, done := resolve(s.MalformedIat, f); done {
				a.deny(f)
			} else if r != nil {
				a.permit(f)
			}
			continue
		case v.unchecked:
			continue
		}
		lw := s.leeway(r, c)
		switch name {
		case Exp:
			// Valid iff now < exp + leeway (4.1.4).
			cmp := cmpClock(v.at, sec, nsec, -lw)
			if cmp < 0 || (cmp == 0 && r.Boundary != BoundaryInclusive) {
				a.deny(failure{Expired, fmt.Sprintf("now %s is not before exp %s + leeway %s (%s)", now(), v.at, lw, clause)})
			}
		case Nbf:
			// Valid iff now >= nbf - leeway (4.1.5).
			cmp := cmpClock(v.at, sec, nsec, lw)
			if cmp > 0 || (cmp == 0 && r.Boundary == BoundaryExclusive) {
				a.deny(failure{NotYetValid, fmt.Sprintf("now %s is before nbf %s - leeway %s (%s)", now(), v.at, lw, clause)})
			}
		case Iat:
			future := func() failure {
				return failure{IssuedInFuture, fmt.Sprintf("iat %s is after now %s; the RFC sets no rule for it (%s)", v.at, now(), clause)}
			}
			switch s.FutureIat {
			case FutureIatOpen:
				if cmpClock(v.at, sec, nsec, 0) > 0 {
					a.permit(future())
				}
			case FutureIatBeyondLeeway:
				if cmpClock(v.at, sec, nsec, lw) > 0 {
					a.deny(future())
				}
			}
		}
	}
	s.policies(a, values, c)
	return a
}

// derive is the instant synthesis s gives from values, the time claims in
// the order of TimeClaims, and whether a source was there to give one.
func (s Synthesis) derive(values [3]claimValue) (Decimal, bool) {
	source := func(c Claim, off time.Duration) (Decimal, bool) {
		if c == "" {
			return Decimal{}, false
		}
		v := values[slices.Index(TimeClaims, c)]
		if !v.present || v.malformed != "" || v.unchecked {
			return Decimal{}, false
		}
		return v.at.addNanos(int64(off)), true
	}
	from, okFrom := source(s.From, s.Offset)
	alt, okAlt := source(s.Alt, s.AltOffset)
	switch {
	case okFrom && okAlt && s.Latest && alt.Cmp(from) > 0:
		return alt, true
	case okFrom:
		return from, true
	}
	return alt, okAlt
}

// policyRequires names the caller's policy that requires claim name to
// be present ("" for none): a maximum age needs iat, a maximum lifetime
// needs exp and iat.
func (c Query) policyRequires(name Claim) string {
	switch {
	case c.MaxAge > 0 && name == Iat:
		return fmt.Sprintf("the caller's max age %s; a policy check outside RFC 7519", c.MaxAge)
	case c.MaxLifetime > 0 && (name == Iat || name == Exp):
		return fmt.Sprintf("the caller's max lifetime %s; a policy check outside RFC 7519", c.MaxLifetime)
	}
	return ""
}

// policies applies the caller's maximum age and lifetime, which RFC 7519
// does not know: each compares claims as the model read them, with the
// bound inclusive and widened by the leeway (jwx's WithMaxDelta,
// jwt/validate.go isInTimeRange). The age is measured from the clock as
// given: jwx computes it from clock.Now() untruncated.
func (s *Model) policies(a *allowed, values [3]claimValue, c Query) {
	if c.MaxAge <= 0 && c.MaxLifetime <= 0 {
		return
	}
	lw := s.Iat.DefaultLeeway
	if c.SetLeeway {
		lw = c.Leeway
	}
	usable := func(v claimValue) bool { return v.present && v.malformed == "" }
	exp, iat := values[0], values[2]
	sum := satAdd
	if s.PolicyBoundWraps {
		sum = func(a, b time.Duration) time.Duration { return a + b }
	}
	if c.MaxAge > 0 && usable(iat) {
		// Too old iff iat + (MaxAge + leeway) < now.
		bound := sum(c.MaxAge, lw)
		if cmpClock(iat.at.addNanos(int64(bound)), c.Now.Unix(), int64(c.Now.Nanosecond()), 0) < 0 {
			a.deny(failure{TooOld, fmt.Sprintf("now %s - iat %s exceeds max age %s + leeway %s (the caller's policy, outside RFC 7519: 4.1.6 gives iat no processing rule)",
				nanosDecimal(c.Now.Unix(), int64(c.Now.Nanosecond()), 0), iat.at, c.MaxAge, lw)})
		}
	}
	if c.MaxLifetime > 0 && usable(iat) && usable(exp) {
		// Too long iff exp > iat + MaxLifetime + leeway.
		if exp.at.Cmp(iat.at.addNanos(int64(sum(c.MaxLifetime, lw)))) > 0 {
			a.deny(failure{LifetimeTooLong, fmt.Sprintf("exp %s - iat %s exceeds max lifetime %s + leeway %s (the caller's policy, outside RFC 7519)",
				exp.at, iat.at, c.MaxLifetime, lw)})
		}
	}
}

// satAdd is a + b, held at the int64 range rather than wrapping.
func satAdd(a, b time.Duration) time.Duration {
	switch sum := a + b; {
	case b > 0 && sum < a:
		return math.MaxInt64
	case b < 0 && sum > a:
		return math.MinInt64
	default:
		return sum
	}
}

// clause is the RFC 7519 section of time claim c.
func clause(c Claim) string {
	switch c {
	case Exp:
		return "RFC 7519 4.1.4"
	case Nbf:
		return "RFC 7519 4.1.5"
	}
	return "RFC 7519 4.1.6"
}

// lookup finds claim name in doc and reads its value.
func (s *Model) lookup(doc document, name Claim, pick Duplicates) (claimValue, failure) {
	var m *member
	if !s.CaseFold && !(s.DecodeEach && doc.dupNames) {
		// The common case: exact names, one decode: no folding, no earlier
		// occurrence to decode.
		for i := range doc.members {
			if mm := &doc.members[i]; len(mm.name) == len(name) && len(name) > 0 && mm.name[0] == name[0] && string(mm.name) == string(name) && s.replaces(m, mm, pick) {
				m = mm
			}
		}
		if m == nil {
			return claimValue{}, failure{}
		}
		return s.read(*m, s.Rule(name))
	}
	for i := range doc.members {
		mm := &doc.members[i]
		if string(mm.name) != string(name) && !(s.CaseFold && foldEqual(mm.name, string(name))) {
			continue
		}
		if s.DecodeEach && m != nil {
			// A streaming decoder decodes every occurrence; one that
			// fails rejects the token even if a later one would win.
			if v, f := s.read(*m, s.Rule(name)); f.failed() {
				return v, f
			} else if v.malformed != "" {
				return v, failure{MalformedClaim, fmt.Sprintf("an earlier %s is %s", name, v.malformed)}
			}
		}
		if s.replaces(m, mm, pick) {
			m = mm
		}
	}
	if m == nil {
		return claimValue{}, failure{}
	}
	return s.read(*m, s.Rule(name))
}

// replaces reports whether occurrence next of a claim takes the place of
// the one found so far, m.
func (s *Model) replaces(m, next *member, pick Duplicates) bool {
	switch {
	case m == nil:
		return true
	case pick == DuplicatesFirst:
		return false
	}
	return !(s.NullKeepsEarlier && next.kind == kNull)
}

// read reads one member's value as a time claim.
func (s *Model) read(m member, r *ClaimRule) (claimValue, failure) {
	v := claimValue{present: true}
	switch m.kind {
	case kNumber:
		v.at = ParseDecimal(string(m.text))
	case kString:
		if s.Quoted == QuotedMalformed {
			v.malformed = "a string"
			return v, failure{}
		}
		d, final, ok := s.Quoted.parse(string(m.text), s.InstantDigits)
		if !ok {
			v.malformed = fmt.Sprintf("the string %q", m.text)
			return v, failure{}
		}
		v.at = d
		if final {
			return r.absentAtZero(v), failure{}
		}
	case kNull:
		if r.NullAbsent {
			return claimValue{}, failure{}
		}
		v.malformed = "null"
		return v, failure{}
	default:
		v.malformed = "a " + m.kind.String()
		return v, failure{}
	}
	if m.kind == kNumber && s.Number == NumberExact && v.at.beyondBinary64() {
		// A float64 reader (NumberFloat64) has settled this point already:
		// it refuses the number.
		f := failure{MalformedClaim, fmt.Sprintf("NumericDate %s is beyond the finite IEEE 754 binary64 range (RFC 8259 6 names binary64 as the interoperable range; 9 lets an implementation limit the range of numbers)", v.at)}
		switch s.BeyondBinary64 {
		case ChoiceReject:
			return v, f
		case ChoiceOpen:
			v.limited = f
		}
	}
	d, f := s.Number.read(v.at)
	if f.failed() {
		return v, f
	}
	if r.ZeroAbsent && d.IsZero() {
		return claimValue{}, failure{}
	}
	if s.Instant == InstantJWXv3 {
		// It reads the literal's spelling, not only its value.
		d, f = epochLiteral(string(m.text), s.InstantDigits)
	} else {
		d, f = s.Instant.convert(d)
	}
	if f.failed() {
		return v, f
	}
	v.at = d
	return r.absentAtZero(v), failure{}
}

// absentAtZero makes a claim whose instant is at or before 0 missing, and
// marks one in the epoch's first second as never compared, where the rule
// says so.
func (r *ClaimRule) absentAtZero(v claimValue) claimValue {
	if r.NonPositiveAbsent && (v.at.neg || v.at.IsZero()) {
		return claimValue{}
	}
	if r.EpochSecondUnchecked && v.at.Cmp(Decimal{}) >= 0 && v.at.Cmp(Decimal{digits: "1"}) < 0 {
		v.unchecked = true
	}
	return v
}
