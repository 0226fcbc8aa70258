package conformance

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/vectors"
)

// Check is what one verification is asked: the clock, the leeway and the
// claims that must be present.
type Check struct {
	// Now is the clock reading, exact to the nanosecond.
	Now time.Time
	// Leeway is the clock-skew allowance, when SetLeeway is true.
	Leeway time.Duration
	// SetLeeway is false in the defaults mode: no leeway option is passed,
	// so the library's own default (zero, for the RFC) applies.
	SetLeeway bool
	// Require lists the claims that must be present.
	Require []adapters.Claim
}

// Judgement is a verdict with the reasons behind it.
type Judgement struct {
	// Verdict is accept, reject or either.
	Verdict vectors.Expect `json:"verdict"`
	// Classes are the rejection classes a rejecting implementation may
	// give, sorted; empty for accept.
	Classes []adapters.Class `json:"classes,omitempty"`
	// Reasons explain the verdict, each naming its clause.
	Reasons []string `json:"reasons,omitempty"`
}

// Allows reports whether the judgement permits a verdict.
func (j Judgement) Allows(v adapters.Verdict) bool {
	switch v {
	case adapters.Accept:
		return j.Verdict != vectors.Reject
	case adapters.Reject:
		return j.Verdict != vectors.Accept
	}
	return false
}

// Oracle judges a claims set by RFC 7519 alone, with no library underneath.
func Oracle(payload []byte, c Check) Judgement {
	return semantics{}.judge(payload, c)
}

// allowed is a set of permitted outcomes while a judgement is built.
type allowed struct {
	accept, reject bool
	classes        map[adapters.Class]bool
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
		a.classes = map[adapters.Class]bool{}
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
			a.classes = map[adapters.Class]bool{}
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
		j.Verdict = vectors.Either
	case a.accept:
		j.Verdict = vectors.Accept
		j.Reasons = nil
	default:
		j.Verdict = vectors.Reject
	}
	if j.Verdict != vectors.Accept {
		for c := range a.classes {
			j.Classes = append(j.Classes, c)
		}
		slices.Sort(j.Classes)
	}
	return j
}

var bom = []byte("\xef\xbb\xbf")

// judge applies s to payload under c.
func (s semantics) judge(payload []byte, c Check) Judgement {
	return s.judgeParsed(payload, c, &parses{})
}

// judgeParsed is judge with the parses of payload shared through ps.
func (s semantics) judgeParsed(payload []byte, c Check, ps *parses) Judgement {
	return s.decide(payload, c, ps).judgement()
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

func (s semantics) decide(payload []byte, c Check, ps *parses) *allowed {
	// Only one byte-order mark may be ignored: what follows it must be JSON.
	if rest, ok := bytes.CutPrefix(payload, bom); ok {
		f := failure{adapters.MalformedToken, "byte-order mark before the JSON text (RFC 8259 8.1: a parser MAY ignore it)"}
		if r, done := resolve(s.bom, f); done {
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
func (s semantics) decideText(payload []byte, c Check, ps *parses) *allowed {
	if !utf8.Valid(payload) && !s.lenientUTF8 {
		a := accepted()
		a.deny(failure{adapters.MalformedToken, "claims set is not valid UTF-8 (RFC 7519 7.2 step 10, RFC 8259 8.1)"})
		return a
	}
	doc, err := ps.get(payload, false)
	if err != nil && s.trailingIgnored {
		doc, err = ps.get(payload, true)
	}
	if err == errNotObject && s.nullClaimsSet && string(bytes.Trim(payload, " \t\r\n")) == "null" {
		doc, err = document{}, nil
	}
	if err != nil {
		a := accepted()
		a.deny(failure{adapters.MalformedToken, fmt.Sprintf("claims set is not a JSON object: %v (RFC 7519 7.2 step 10)", err)})
		return a
	}
	if s.float64Anywhere && doc.beyondFloat64 != "" {
		a := accepted()
		a.deny(failure{adapters.MalformedToken, fmt.Sprintf("the number %s is beyond the float64 range (RFC 8259 9: a parser may limit the range of numbers)", doc.beyondFloat64)})
		return a
	}
	var pending []*allowed
	for _, p := range []struct {
		on bool
		c  choice
		f  failure
	}{
		{doc.loneSurrogate, s.loneSurrogate, failure{adapters.MalformedToken, "lone surrogate escape (RFC 8259 8.2: behaviour unpredictable)"}},
		{s.tooDeep(doc.depth), s.deep, failure{adapters.MalformedToken, "nesting too deep (RFC 8259 9: a parser may limit depth)"}},
		{doc.nestedDup, s.nestedDup, failure{adapters.MalformedToken, "duplicate member name inside a claim value (RFC 8259 4: behaviour unpredictable)"}},
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
	pick := s.dups
	if doc.dupNames {
		f := failure{adapters.MalformedToken, "duplicate claim name (RFC 7519 4: reject, or take the lexically last)"}
		switch s.dups {
		case dupReject:
			a := accepted()
			a.deny(f)
			return a
		case dupEither:
			a := accepted()
			a.deny(f)
			pending = append(pending, a)
			pick = dupLast
		}
	}
	if name, ok := s.mistypedStringClaim(doc); ok {
		f := failure{adapters.MalformedClaim, fmt.Sprintf("%s is not a string (RFC 7519 4.1: a StringOrURI; the RFC sets no rule for rejecting it)", name)}
		if r, done := resolve(s.stringClaims, f); done {
			return r
		} else if r != nil {
			pending = append(pending, r)
		}
	}
	out := s.claims(doc, pick, c)
	for _, p := range pending {
		out.union(p)
	}
	return out
}

// window is the clock and the clock less and plus the leeway, exactly,
// with the clock first cut to whole seconds when floor is set.
func window(now time.Time, leeway time.Duration, floor bool) (at, lower, upper decimal) {
	sec, nsec := now.Unix(), int64(now.Nanosecond())
	if floor {
		nsec = 0
	}
	const safe int64 = 9e9 // seconds whose nanoseconds fit in an int64
	if sec > -safe && sec < safe {
		ns := sec*1e9 + nsec
		lw := int64(leeway)
		if ns > math.MinInt64+lw && ns < math.MaxInt64-lw {
			return decimalFromInt64Nanos(ns), decimalFromInt64Nanos(ns - lw), decimalFromInt64Nanos(ns + lw)
		}
	}
	n := new(big.Int).Mul(big.NewInt(sec), big.NewInt(1e9))
	n.Add(n, big.NewInt(nsec))
	lw := big.NewInt(int64(leeway))
	return decimalFromNanos(n), decimalFromNanos(new(big.Int).Sub(n, lw)), decimalFromNanos(new(big.Int).Add(n, lw))
}

// tooDeep reports whether nesting to depth reaches the point where the
// semantics' depth choice applies.
func (s semantics) tooDeep(depth int) bool {
	if s.depthLimit > 0 {
		return depth > s.depthLimit
	}
	return depth > maxDepth
}

// resolve turns a choice into outcomes: done with a rejection, nil to go
// on as if nothing happened, or a rejection to union with what follows.
func resolve(ch choice, f failure) (*allowed, bool) {
	a := accepted()
	a.deny(f)
	switch ch {
	case deny:
		return a, true
	case allow:
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
func (s semantics) mistypedStringClaim(doc document) (string, bool) {
	for _, m := range doc.members {
		for _, name := range stringClaims {
			if string(m.name) != name && !(s.caseFold && bytes.EqualFold(m.name, []byte(name))) {
				continue
			}
			switch {
			case m.kind == kString, m.kind == kNull:
			case name == "aud" && m.kind == kArray && m.strings:
			default:
				return name, true
			}
		}
	}
	return "", false
}

// claimValue is a time claim as the semantics read it.
type claimValue struct {
	present bool
	// unchecked: present, so it satisfies a requirement, but never compared.
	unchecked bool
	malformed string // why the value is not a NumericDate, if it is not
	at        decimal
}

func (s semantics) claims(doc document, pick dupPolicy, c Check) *allowed {
	a := accepted()
	leeway := s.defaultLeeway
	if c.SetLeeway {
		leeway = c.Leeway
	}
	nowDec, lower, upper := window(c.Now, leeway, s.clockFloor)
	for _, name := range adapters.TimeClaims {
		v, fail := s.lookup(doc, name, pick)
		if fail.failed() {
			a.deny(fail)
			continue
		}
		required := slices.Contains(c.Require, name)
		clause := clauses[name]
		switch {
		case !v.present:
			if required {
				a.deny(failure{adapters.MissingClaim, fmt.Sprintf("%s is required but missing (%s)", name, clause)})
			}
			continue
		case v.malformed != "":
			f := failure{adapters.MalformedClaim, fmt.Sprintf("%s is %s, not a NumericDate (%s)", name, v.malformed, clause)}
			if name != adapters.Iat || required {
				a.deny(f)
				continue
			}
			f.reason = fmt.Sprintf("iat is %s, not a NumericDate; the RFC gives iat no processing rule (%s)", v.malformed, clause)
			if r, done := resolve(s.malformedIat, f); done {
				a.deny(f)
			} else if r != nil {
				a.permit(f)
			}
			continue
		case v.unchecked:
			continue
		}
		switch name {
		case adapters.Exp:
			cmp := v.at.cmp(lower)
			if cmp < 0 || (cmp == 0 && !s.expInclusive) {
				a.deny(failure{adapters.Expired, fmt.Sprintf("now %s is not before exp %s + leeway %s (%s)", nowDec, v.at, leeway, clause)})
			}
		case adapters.Nbf:
			if v.at.cmp(upper) > 0 {
				a.deny(failure{adapters.NotYetValid, fmt.Sprintf("now %s is before nbf %s - leeway %s (%s)", nowDec, v.at, leeway, clause)})
			}
		case adapters.Iat:
			future := func() failure {
				return failure{adapters.IssuedInFuture, fmt.Sprintf("iat %s is after now %s; the RFC sets no rule for it (%s)", v.at, nowDec, clause)}
			}
			switch s.futureIat {
			case iatEither:
				if v.at.cmp(nowDec) > 0 {
					a.permit(future())
				}
			case iatBeyondLeeway:
				if v.at.cmp(upper) > 0 {
					a.deny(future())
				}
			}
		}
	}
	return a
}

var clauses = map[adapters.Claim]string{
	adapters.Exp: "RFC 7519 4.1.4",
	adapters.Nbf: "RFC 7519 4.1.5",
	adapters.Iat: "RFC 7519 4.1.6",
}

// lookup finds claim name in doc and reads its value.
func (s semantics) lookup(doc document, name adapters.Claim, pick dupPolicy) (claimValue, failure) {
	var m *member
	for i := range doc.members {
		mm := &doc.members[i]
		if string(mm.name) != string(name) && !(s.caseFold && bytes.EqualFold(mm.name, []byte(name))) {
			continue
		}
		if s.decodeEach && m != nil {
			// A streaming decoder decodes every occurrence; one that
			// fails rejects the token even if a later one would win.
			if v, f := s.read(*m); f.failed() {
				return v, f
			} else if v.malformed != "" {
				return v, failure{adapters.MalformedClaim, fmt.Sprintf("an earlier %s is %s", name, v.malformed)}
			}
		}
		if m == nil || pick != dupFirst {
			m = mm
		}
	}
	if m == nil {
		return claimValue{}, failure{}
	}
	return s.read(*m)
}

// read reads one member's value as a time claim.
func (s semantics) read(m member) (claimValue, failure) {
	v := claimValue{present: true}
	switch m.kind {
	case kNumber:
		v.at = parseDecimal(string(m.text))
	case kString:
		if s.quoted == nil {
			v.malformed = "a string"
			return v, failure{}
		}
		d, final, ok := s.quoted(string(m.text))
		if !ok {
			v.malformed = fmt.Sprintf("the string %q", m.text)
			return v, failure{}
		}
		v.at = d
		if final {
			return s.absentAtZero(v), failure{}
		}
	case kNull:
		if s.nullAbsent {
			return claimValue{}, failure{}
		}
		v.malformed = "null"
		return v, failure{}
	default:
		v.malformed = "a " + m.kind.String()
		return v, failure{}
	}
	if s.readNumber != nil {
		d, f := s.readNumber(v.at)
		if f.failed() {
			return v, f
		}
		v.at = d
	}
	if s.zeroAbsent && v.at.isZero() {
		return claimValue{}, failure{}
	}
	if s.instant != nil {
		d, f := s.instant(v.at)
		if f.failed() {
			return v, f
		}
		v.at = d
	}
	return s.absentAtZero(v), failure{}
}

// absentAtZero marks a claim whose instant is in the epoch's first second
// as never compared, where the semantics say so.
func (s semantics) absentAtZero(v claimValue) claimValue {
	if s.zeroInstantUnchecked && v.at.cmp(decimal{}) >= 0 && v.at.cmp(decimal{digits: "1"}) < 0 {
		v.unchecked = true
	}
	return v
}

// sortedClasses is the class set of a judgement as strings, for messages.
func sortedClasses(cs []adapters.Class) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	sort.Strings(s)
	return strings.Join(s, ",")
}

// containsClass reports whether j permits rejection class c.
func containsClass(j Judgement, c adapters.Class) bool {
	return slices.Contains(j.Classes, c)
}
