package oracle

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// quotedJSONNumber reads a string as encoding/json reads one into a
// json.Number: only a valid JSON number literal counts.
func quotedJSONNumber(s string) (Decimal, bool, bool) {
	if !IsNumber(s) {
		return Decimal{}, false, false
	}
	return ParseDecimal(s), false, true
}

// quotedSecondsOrRFC3339 mirrors jwx v2's parseNumericString with its
// default settings (not pedantic, precision 0).
func quotedSecondsOrRFC3339(s string) (Decimal, bool, bool) {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return Decimal{}, true, false
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
		return Decimal{}, true, false
	}
	return goInstant(time.Unix(n, 0)), true, true
}

// printfWholeSeconds mirrors jwx v2's NumericDate.Accept for a float64:
// fmt.Sprintf("%.9f"), then the whole part through parseNumericString.
func printfWholeSeconds(d Decimal) (Decimal, failure) {
	if d.unixSeconds() && !d.neg {
		return d, failure{}
	}
	f := asFloat(d)
	if f >= 0 && !math.Signbit(f) && f < 1<<53 && f == math.Trunc(f) {
		// A whole float64 below 2^53 prints as its digits and ".000000000",
		// which parses to those digits as int64 seconds.
		return goInstant(time.Unix(int64(f), 0)), failure{}
	}
	return printfWholeSecondsOf(d, f)
}

// printfWholeSecondsOf is printfWholeSeconds of d, read as f, the way jwx
// does it.
func printfWholeSecondsOf(d Decimal, f float64) (Decimal, failure) {
	text := fmt.Sprintf("%.9f", f)
	at, _, ok := quotedSecondsOrRFC3339(text)
	if !ok {
		return d, failure{MalformedClaim, fmt.Sprintf("NumericDate %s prints as %s, which is not whole seconds in int64", d, text)}
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
func nearestFloat64(d Decimal) (Decimal, failure) {
	if f, ok := d.exactFloat(); ok {
		// d is a float64 already: its exact value is d itself.
		d.float, d.isFloat = f, true
		return d, failure{}
	}
	f, err := strconv.ParseFloat(d.String(), 64)
	if err != nil {
		return d, failure{MalformedToken, fmt.Sprintf("NumericDate %s is beyond the float64 range", d)}
	}
	return ExactFloat(f), failure{}
}

// ExactFloat is the exact decimal value of f.
func ExactFloat(f float64) Decimal {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && !(f == 0 && math.Signbit(f)) {
		d := ParseDecimal(strconv.FormatInt(int64(f), 10))
		d.float, d.isFloat = f, true
		return d
	}
	// A float64 is m × 2^(exp-53) with a 53-bit m, so 53-exp fractional
	// decimal digits write it exactly; a whole number needs none.
	_, exp := math.Frexp(f)
	d := ParseDecimal(strconv.FormatFloat(f, 'f', max(0, 53-exp), 64))
	d.float, d.isFloat = f, true
	return d
}

// asFloat is d as the float64 nearest to it.
func asFloat(d Decimal) float64 {
	if d.isFloat {
		return d.float
	}
	if f, ok := d.fastFloat(); ok {
		return f
	}
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// float64pow10 are the powers of ten a float64 holds exactly.
var float64pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// fastFloat is d as the float64 nearest to it, as strconv.ParseFloat
// reads it, without formatting or parsing, when d has at most 15 digits
// and an exponent of at most 22 either way: then the digits and the power
// of ten are both exact float64s, and one correctly rounded IEEE 754
// multiplication or division gives the nearest float64 (strconv's own
// exact fast path). ok is false otherwise.
func (d Decimal) fastFloat() (f float64, ok bool) {
	if d.IsZero() {
		if d.neg {
			return math.Copysign(0, -1), true
		}
		return 0, true
	}
	if len(d.digits) > 15 || d.exp > 22 || d.exp < -22 {
		return 0, false
	}
	var m uint64
	for i := 0; i < len(d.digits); i++ {
		m = m*10 + uint64(d.digits[i]-'0')
	}
	f = float64(m) // exact: m < 10^15 < 2^53
	if d.exp >= 0 {
		f *= float64pow10[d.exp]
	} else {
		f /= float64pow10[-d.exp]
	}
	if d.neg {
		f = -f
	}
	return f, true
}

// exactFloat is d as a float64 when d is one exactly: a whole number of at
// most 15 digits (below 2^53, so every such number is a float64).
func (d Decimal) exactFloat() (float64, bool) {
	if d.IsZero() || d.exp < 0 || int64(len(d.digits))+d.exp > 15 {
		return 0, false // zero keeps the general path, for -0
	}
	return d.fastFloat()
}

// floorSeconds mirrors golang-jwt v5's newNumericDateFromSeconds:
// math.Modf, time.Unix, then Truncate to TimePrecision (a second).
func floorSeconds(d Decimal) (Decimal, failure) {
	if d.unixSeconds() {
		return d, failure{}
	}
	return floorSecondsOf(d)
}

// floorSecondsOf is floorSeconds the way golang-jwt does it.
func floorSecondsOf(d Decimal) (Decimal, failure) {
	round, frac := math.Modf(asFloat(d))
	return goInstant(time.Unix(int64(round), int64(frac*1e9)).Truncate(time.Second)), failure{}
}

// floorMillis mirrors golang-jwt v5's newNumericDateFromSeconds with
// TimePrecision set to a millisecond.
func floorMillis(d Decimal) (Decimal, failure) {
	round, frac := math.Modf(asFloat(d))
	return goInstant(time.Unix(int64(round), int64(frac*1e9)).Truncate(time.Millisecond)), failure{}
}

// goInt64 mirrors golang-jwt v3's int64(f) on the float64 read: the same
// conversion on the same platform, so an out-of-range value lands where
// the library's does.
func goInt64(d Decimal) (Decimal, failure) {
	return ParseDecimal(strconv.FormatInt(int64(asFloat(d)), 10)), failure{}
}

// int64Seconds mirrors go-jose v4's NumericDate: values at or beyond
// ±2^62 are refused, the rest become int64(f) seconds, cut toward zero.
func int64Seconds(d Decimal) (Decimal, failure) {
	if d.unixSeconds() {
		return d, failure{}
	}
	return int64SecondsOf(d)
}

// int64SecondsOf is int64Seconds the way go-jose does it.
func int64SecondsOf(d Decimal) (Decimal, failure) {
	f := asFloat(d)
	if f >= 1<<62 || f <= -(1<<62) {
		return d, failure{MalformedClaim, fmt.Sprintf("NumericDate %s is beyond ±2^62", d)}
	}
	return goInstant(time.Unix(int64(f), 0)), failure{}
}

// int64Unguarded mirrors go-jose v3's and square go-jose v2's
// NumericDate: NumericDate(f), an int64 conversion of the float64 with no
// range check, then time.Unix(int64(n), 0). Go leaves the conversion of a
// value beyond int64 to the implementation (amd64 gives the most negative
// int64, arm64 saturates); the conversion here is the same Go conversion
// on the same platform as the library's, so it mirrors it wherever both
// run.
func int64Unguarded(d Decimal) Decimal {
	f := asFloat(d)
	return goInstant(time.Unix(int64(f), 0))
}

// unixSeconds reports whether d is a whole number of seconds, not zero,
// that time.Unix takes and goInstant gives back unchanged (no wrap): the
// typical NumericDate, which the Go-time readings then return as it is,
// without the round trip through time.Time and its digits.
func (d Decimal) unixSeconds() bool {
	if d.IsZero() || d.exp < 0 || int64(len(d.digits))+d.exp > 10 {
		return false // zero keeps the general path, which drops a minus sign
	}
	var n int64
	for i := 0; i < len(d.digits); i++ {
		n = n*10 + int64(d.digits[i]-'0')
	}
	for range d.exp {
		n *= 10
	}
	return n < 9e9
}

// unixToInternal is Go's offset between the Unix epoch and year 1, in
// seconds: a time.Time keeps seconds since year 1 in an int64 and compares
// those, so a Unix time near the int64 limits wraps.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

// goInstant is the instant time.Time comparisons really see for t: the
// internal seconds since year 1, wrapped to int64, mapped back exactly.
func goInstant(t time.Time) Decimal {
	if sec := t.Unix(); sec > -9e9 && sec < 9e9 {
		// No wrap, and the nanoseconds fit an int64.
		return DecimalFromInt64Nanos(sec*1e9 + int64(t.Nanosecond()))
	}
	internal := t.Unix() + unixToInternal // wraps as Go's does
	n := new(big.Int).Sub(big.NewInt(internal), big.NewInt(unixToInternal))
	n.Mul(n, big.NewInt(1e9))
	n.Add(n, big.NewInt(int64(t.Nanosecond())))
	return DecimalFromNanos(n)
}

// read is the number as the model's decoder reads it.
func (n Number) read(d Decimal) (Decimal, failure) {
	if n == NumberFloat64 {
		return nearestFloat64(d)
	}
	return d, failure{}
}

// convert is the instant the library compares for the number read.
func (in Instant) convert(d Decimal) (Decimal, failure) {
	switch in {
	case InstantGoTimeFloor:
		return floorSeconds(d)
	case InstantGoTimeFloorMillis:
		return floorMillis(d)
	case InstantGoInt64:
		return goInt64(d)
	case InstantInt64Seconds:
		return int64Seconds(d)
	case InstantInt64Unguarded:
		return int64Unguarded(d), failure{}
	case InstantPrintfWholeSeconds:
		return printfWholeSeconds(d)
	case InstantTruncSeconds:
		w, _ := d.wholeSeconds()
		return w, failure{}
	case InstantFloorSeconds:
		w, frac := d.wholeSeconds()
		if d.neg && frac != "" {
			w = w.awayFromZero()
		}
		return w, failure{}
	case InstantRoundSeconds:
		return d.roundSeconds(), failure{}
	case InstantInt32Seconds:
		w, _ := d.wholeSeconds()
		if w.Cmp(ParseDecimal("2147483647")) > 0 || w.Cmp(ParseDecimal("-2147483648")) < 0 {
			return d, failure{MalformedClaim, fmt.Sprintf("NumericDate %s is beyond the int32 range", d)}
		}
		return w, failure{}
	case InstantJSONNumberInt64:
		return jsonNumberInt64(d)
	case InstantInt64SecondsTo9999:
		return int64SecondsTo9999(d)
	}
	return d, failure{}
}

// jsonNumberInt64 mirrors go-oidc v3's jsonTime.UnmarshalJSON
// (oidc/oidc.go): json.Number.Int64, else int64(json.Number.Float64()),
// then time.Unix. The literal is judged by its value: a whole number
// spelled with a fraction or an exponent ("1.0", "1e9") that the library
// sends down the float64 path reads the same there unless it is past
// 2^53, far beyond any clock compared.
func jsonNumberInt64(d Decimal) (Decimal, failure) {
	if w, frac := d.wholeSeconds(); frac == "" {
		if n, err := strconv.ParseInt(w.String(), 10, 64); err == nil {
			return goInstant(time.Unix(n, 0)), failure{}
		}
	}
	f, err := strconv.ParseFloat(d.String(), 64)
	if err != nil {
		return d, failure{MalformedClaim, fmt.Sprintf("NumericDate %s is beyond the float64 range", d)}
	}
	return goInstant(time.Unix(int64(f), 0)), failure{}
}

// maxTinkSeconds is tink's jwtTimestampMax, 9999-12-31T23:59:59Z.
const maxTinkSeconds = 253402300799

// int64SecondsTo9999 mirrors tink's validateTimeClaim and
// RawJWT.timeClaim (jwt/raw_jwt.go): int64(f), refused outside 0 to
// jwtTimestampMax.
func int64SecondsTo9999(d Decimal) (Decimal, failure) {
	n := int64(asFloat(d))
	if n < 0 || n > maxTinkSeconds {
		return d, failure{MalformedClaim, fmt.Sprintf("NumericDate %s is outside 0 to %d seconds", d, maxTinkSeconds)}
	}
	return ParseDecimal(strconv.FormatInt(n, 10)), failure{}
}

// parse is a string value as the model reads it: ok is false when the
// string is malformed; final means the result is already the instant
// compared, rather than a number to read like any other.
func (q Quoted) parse(s string, digits int) (d Decimal, final, ok bool) {
	switch q {
	case QuotedEpochOrRFC3339, QuotedEpoch:
		return quotedEpochSeconds(s, digits, q == QuotedEpochOrRFC3339)
	case QuotedJSONNumber:
		return quotedJSONNumber(s)
	case QuotedSecondsOrRFC3339:
		return quotedSecondsOrRFC3339(s)
	}
	return Decimal{}, false, false
}

// wholeSeconds is d cut toward zero to whole seconds, with the digits cut
// off (empty when d was whole).
func (d Decimal) wholeSeconds() (Decimal, string) {
	if d.exp >= 0 || d.IsZero() {
		return d, ""
	}
	n := int64(len(d.digits))
	if -d.exp >= n {
		return Decimal{neg: d.neg}, strings.Repeat("0", int(-d.exp-n)) + d.digits
	}
	i := n + d.exp
	return normal(d.neg, d.digits[:i], 0), d.digits[i:]
}

// awayFromZero is d, a whole number, one further from zero.
func (d Decimal) awayFromZero() Decimal {
	whole := d.digits + strings.Repeat("0", int(d.exp))
	b := []byte(whole)
	i := len(b) - 1
	for ; i >= 0 && b[i] == '9'; i-- {
		b[i] = '0'
	}
	if i < 0 {
		b = append([]byte{'1'}, b...)
	} else {
		b[i]++
	}
	return normal(d.neg, string(b), 0)
}

// roundSeconds is d rounded to the nearest whole second, halves toward
// the future, as math.Floor(x + 0.5) does.
func (d Decimal) roundSeconds() Decimal {
	w, frac := d.wholeSeconds()
	if frac == "" {
		return w
	}
	// frac is the magnitude's fraction: compare it with one half.
	half := strings.TrimRight(frac, "0")
	cmp := strings.Compare(half, "5") // digit strings of one scale
	up := cmp > 0 || (cmp == 0 && !d.neg)
	if !up {
		if d.neg && w.IsZero() {
			return Decimal{}
		}
		return w
	}
	return w.awayFromZero()
}

// decodeTwice mirrors kataras/jwt's two decodes of the claims set
// (Model.SkipTimeChecksOnDecodeFailure): nil when the typed decode
// succeeds and the claims are compared as usual; an acceptance with no
// time claim compared when only the fallback succeeds; a rejection when
// both fail.
func (s *Model) decodeTwice(doc document) *allowed {
	var typed, fallback string // why each decode fails; empty when it does not
	for _, m := range doc.members {
		var t, f string
		switch s.registeredField(m.name) {
		case "exp", "nbf", "iat":
			switch m.kind {
			case kNull:
			case kNumber:
				if _, err := strconv.ParseInt(string(m.text), 10, 64); err != nil {
					// encoding/json reads an int64 field with ParseInt of
					// the literal, so 1.0 and 1e9 fail as 1.5 does.
					t = fmt.Sprintf("%s is %s, not an integer within int64", m.name, m.text)
				}
			case kString:
				t = fmt.Sprintf("%s is a string", m.name)
				if !IsNumber(string(m.text)) {
					f = fmt.Sprintf("%s is the string %q, not a JSON number", m.name, m.text)
				}
			default:
				t = fmt.Sprintf("%s is a %s", m.name, m.kind)
				f = t
			}
		case "iss", "sub":
			if m.kind != kString && m.kind != kNull {
				t = fmt.Sprintf("%s is a %s, not a string", m.name, m.kind)
			}
		case "jti", "origin_jti":
			if m.kind != kString && m.kind != kNull {
				t = fmt.Sprintf("%s is a %s, not a string", m.name, m.kind)
				f = t
			}
		case "aud":
			if m.kind == kArray && !m.stringsOrNulls {
				t = fmt.Sprintf("%s is an array holding a value that is not a string", m.name)
				f = t
			}
		}
		if typed == "" {
			typed = t
		}
		if fallback == "" {
			fallback = f
		}
	}
	switch {
	case typed == "":
		return nil
	case fallback != "":
		a := accepted()
		a.deny(failure{MalformedToken, fmt.Sprintf("%s: the claims set decodes into neither the int64 claims nor the json.Number fallback", fallback)})
		return a
	}
	// The library accepts with no time claim compared: an RFC departure
	// the root cause names, not a verdict to explain here.
	return accepted()
}

// registeredFields are the claims kataras/jwt decodes into typed fields;
// origin_jti is the library's own.
var registeredFields = []string{"exp", "nbf", "iat", "iss", "sub", "jti", "origin_jti", "aud"}

// registeredField is the field of registeredFields member name fills, or
// "", matched as the model matches names.
func (s *Model) registeredField(name []byte) string {
	for _, f := range registeredFields {
		if string(name) == f || (s.CaseFold && bytes.EqualFold(name, []byte(f))) {
			return f
		}
	}
	return ""
}
