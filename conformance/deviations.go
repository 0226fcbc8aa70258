package conformance

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// Deviation is one named switch of the oracle: a way a library departs
// from RFC 7519, or resolves a point the RFC leaves to the implementation.
// The catalogue is code; which deviations an adapter has is profile data.
type Deviation struct {
	// ID is the stable name profiles use.
	ID string
	// Summary says in one line what the library does.
	Summary string
	apply   func(*semantics)
}

// Catalogue lists every deviation, sorted by ID.
func Catalogue() []Deviation {
	out := make([]Deviation, 0, len(catalogue))
	for _, d := range catalogue {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// LookupDeviation returns the catalogue entry for id.
func LookupDeviation(id string) (Deviation, bool) {
	d, ok := catalogue[id]
	return d, ok
}

var catalogue = func() map[string]Deviation {
	m := map[string]Deviation{}
	for _, d := range []Deviation{
		{"exp-inclusive", "exp == now (+ leeway) is still valid", func(s *semantics) { s.expInclusive = true }},
		{"iat-future-rejected", "an iat later than now + leeway is rejected", func(s *semantics) { s.futureIat = iatBeyondLeeway }},
		{"iat-ignored", "iat is never checked", func(s *semantics) { s.futureIat = iatIgnore }},
		{"malformed-iat-rejected", "an iat that is not a number is rejected", func(s *semantics) { s.malformedIat = deny }},
		{"malformed-iat-ignored", "an iat that is not a number is ignored", func(s *semantics) { s.malformedIat = allow }},
		{"duplicates-last-wins", "duplicate claim names: the last one wins", func(s *semantics) { s.dups = dupLast }},
		{"duplicates-first-wins", "duplicate claim names: the first one wins", func(s *semantics) { s.dups = dupFirst }},
		{"duplicates-rejected", "duplicate claim names are rejected", func(s *semantics) { s.dups = dupReject }},
		{"registered-string-claims-typed", "an iss, sub, aud or jti that is not a string (aud: nor an array of strings) rejects the token", func(s *semantics) { s.stringClaims = deny }},
		{"registered-string-claims-unchecked", "the types of iss, sub, aud and jti are never checked", func(s *semantics) { s.stringClaims = allow }},
		{"nested-duplicates-accepted", "duplicate member names inside a claim value are accepted", func(s *semantics) { s.nestedDup = allow }},
		{"nested-duplicates-rejected", "duplicate member names inside a claim value are rejected", func(s *semantics) { s.nestedDup = deny }},
		{"bom-ignored", "a byte-order mark before the claims set is ignored", func(s *semantics) { s.bom = allow }},
		{"bom-rejected", "a byte-order mark before the claims set is rejected", func(s *semantics) { s.bom = deny }},
		{"lone-surrogate-accepted", "a lone surrogate escape is accepted (replaced by U+FFFD)", func(s *semantics) { s.loneSurrogate = allow }},
		{"lone-surrogate-rejected", "a lone surrogate escape is rejected", func(s *semantics) { s.loneSurrogate = deny }},
		{"deep-nesting-accepted", fmt.Sprintf("nesting deeper than %d is accepted", maxDepth), func(s *semantics) { s.deep = allow }},
		{"deep-nesting-rejected", fmt.Sprintf("nesting deeper than %d is rejected", maxDepth), func(s *semantics) { s.deep = deny }},
		{"nesting-limit-10000", "nesting deeper than 10000 is rejected, shallower accepted, as encoding/json does", func(s *semantics) { s.depthLimit, s.deep = 10000, deny }},
		{"invalid-utf8-accepted", "invalid UTF-8 in the claims set is accepted", func(s *semantics) { s.lenientUTF8 = true }},
		{"case-insensitive-names", "claim names match case-insensitively; the last match wins", func(s *semantics) { s.caseFold = true }},
		{"quoted-number-accepted", "a string holding a JSON number is read as that number", func(s *semantics) { s.quoted = quotedJSONNumber }},
		{"quoted-seconds-or-rfc3339-accepted", "a string of digits and dots is read as the whole seconds before its first dot; any other string is parsed as an RFC 3339 date", func(s *semantics) { s.quoted = quotedSecondsOrRFC3339 }},
		{"numericdate-printf-whole-seconds", "the float64 is printed with %.9f and the digits before the point become whole seconds; a negative value or one beyond int64 is malformed", func(s *semantics) { s.instant = printfWholeSeconds }},
		{"epoch-second-unchecked", "a time claim in the epoch's first second (0 <= t < 1) is never compared, though it counts as present", func(s *semantics) { s.zeroInstantUnchecked = true }},
		{"duplicates-each-decoded", "every occurrence of a duplicated time claim is decoded: a malformed one rejects the token even when a later one wins", func(s *semantics) { s.decodeEach = true }},
		{"clock-whole-seconds", "the clock is cut to whole seconds before it is compared", func(s *semantics) { s.clockFloor = true }},
		{"trailing-data-ignored", "bytes after the claims object are never read", func(s *semantics) { s.trailingIgnored = true }},
		{"null-as-absent", "a null time claim counts as missing", func(s *semantics) { s.nullAbsent = true }},
		{"zero-as-absent", "a time claim equal to 0 counts as missing", func(s *semantics) { s.zeroAbsent = true }},
		{"float64-overflow-anywhere-rejected", "any number in the claims set beyond the float64 range, in any claim at any depth, rejects the token", func(s *semantics) { s.float64Anywhere = true }},
		{"numericdate-float64", "a NumericDate is read as the nearest float64; beyond its range the token is rejected", func(s *semantics) { s.readNumber = nearestFloat64 }},
		{"numericdate-whole-seconds-floor", "fractional seconds are dropped toward the past, through Go's time.Time (math.Modf, time.Unix, Truncate)", func(s *semantics) { s.instant = floorSeconds }},
		{"numericdate-int64-seconds", "a NumericDate becomes int64 seconds, cut toward zero; beyond ±2^62 it is malformed", func(s *semantics) { s.instant = int64Seconds }},
		{"null-claims-set-accepted", "a claims set that is JSON null is read as an empty object", func(s *semantics) { s.nullClaimsSet = true }},
		{"default-leeway-1m", "with no leeway option, a leeway of one minute applies", func(s *semantics) { s.defaultLeeway = time.Minute }},
	} {
		if _, dup := m[d.ID]; dup {
			panic("conformance: deviation " + d.ID + " listed twice")
		}
		m[d.ID] = d
	}
	return m
}()

// quotedJSONNumber reads a string as encoding/json reads one into a
// json.Number: only a valid JSON number literal counts.
func quotedJSONNumber(s string) (decimal, bool, bool) {
	p := &parser{b: []byte(s)}
	if len(s) == 0 {
		return decimal{}, false, false
	}
	if err := p.number(); err != nil || p.i != len(s) {
		return decimal{}, false, false
	}
	return parseDecimal(s), false, true
}

// quotedSecondsOrRFC3339 mirrors jwx v2's parseNumericString with its
// default settings (not pedantic, precision 0).
func quotedSecondsOrRFC3339(s string) (decimal, bool, bool) {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return decimal{}, true, false
			}
			return goInstant(t), true, true
		}
	}
	whole := s
	if i := strings.IndexByte(s, '.'); i > 0 {
		whole = s[:i]
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return decimal{}, true, false
	}
	return goInstant(time.Unix(n, 0)), true, true
}

// printfWholeSeconds mirrors jwx v2's NumericDate.Accept for a float64:
// fmt.Sprintf("%.9f"), then the whole part through parseNumericString.
func printfWholeSeconds(d decimal) (decimal, failure) {
	text := fmt.Sprintf("%.9f", asFloat(d))
	at, _, ok := quotedSecondsOrRFC3339(text)
	if !ok {
		return d, failure{adapters.MalformedClaim, fmt.Sprintf("NumericDate %s prints as %s, which is not whole seconds in int64", d, text)}
	}
	return at, failure{}
}

// floorSecond cuts n nanoseconds down to a whole second, toward the past.
func floorSecond(n *big.Int) *big.Int {
	sec := new(big.Int).Div(n, big.NewInt(1e9)) // Euclidean: floors for n < 0
	return sec.Mul(sec, big.NewInt(1e9))
}

// nearestFloat64 reads d as strconv.ParseFloat does, failing where
// encoding/json fails: beyond the float64 range. The result is the exact
// value of the float64.
func nearestFloat64(d decimal) (decimal, failure) {
	f, err := strconv.ParseFloat(d.String(), 64)
	if err != nil {
		return d, failure{adapters.MalformedToken, fmt.Sprintf("NumericDate %s is beyond the float64 range", d)}
	}
	return exactFloat(f), failure{}
}

// exactFloat is the exact decimal value of f.
func exactFloat(f float64) decimal {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && !(f == 0 && math.Signbit(f)) {
		d := parseDecimal(strconv.FormatInt(int64(f), 10))
		d.float, d.isFloat = f, true
		return d
	}
	// A float64 is m × 2^(exp-53) with a 53-bit m, so 53-exp fractional
	// decimal digits write it exactly; a whole number needs none.
	_, exp := math.Frexp(f)
	d := parseDecimal(strconv.FormatFloat(f, 'f', max(0, 53-exp), 64))
	d.float, d.isFloat = f, true
	return d
}

// asFloat is d as the float64 nearest to it.
func asFloat(d decimal) float64 {
	if d.isFloat {
		return d.float
	}
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// floorSeconds mirrors golang-jwt v5's newNumericDateFromSeconds:
// math.Modf, time.Unix, then Truncate to TimePrecision (a second).
func floorSeconds(d decimal) (decimal, failure) {
	round, frac := math.Modf(asFloat(d))
	return goInstant(time.Unix(int64(round), int64(frac*1e9)).Truncate(time.Second)), failure{}
}

// int64Seconds mirrors go-jose v4's NumericDate: values at or beyond
// ±2^62 are refused, the rest become int64(f) seconds, cut toward zero.
func int64Seconds(d decimal) (decimal, failure) {
	f := asFloat(d)
	if f >= 1<<62 || f <= -(1<<62) {
		return d, failure{adapters.MalformedClaim, fmt.Sprintf("NumericDate %s is beyond ±2^62", d)}
	}
	return goInstant(time.Unix(int64(f), 0)), failure{}
}

// unixToInternal is Go's offset between the Unix epoch and year 1, in
// seconds: a time.Time keeps seconds since year 1 in an int64 and compares
// those, so a Unix time near the int64 limits wraps.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

// goInstant is the instant time.Time comparisons really see for t: the
// internal seconds since year 1, wrapped to int64, mapped back exactly.
func goInstant(t time.Time) decimal {
	if sec := t.Unix(); sec > -9e9 && sec < 9e9 {
		// No wrap, and the nanoseconds fit an int64.
		return decimalFromInt64Nanos(sec*1e9 + int64(t.Nanosecond()))
	}
	internal := t.Unix() + unixToInternal // wraps as Go's does
	n := new(big.Int).Sub(big.NewInt(internal), big.NewInt(unixToInternal))
	n.Mul(n, big.NewInt(1e9))
	n.Add(n, big.NewInt(int64(t.Nanosecond())))
	return decimalFromNanos(n)
}
