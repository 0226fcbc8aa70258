package oracle

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"
)

// jwx v3 (v3.4.0, jwt/internal/types/date.go) reads a NumericDate from
// its digits: parseEpochSeconds keeps Model.InstantDigits fractional
// digits (its ParsePrecision), dropping the rest toward the past, and
// Accept refuses an instant whose Unix seconds and time.Time comparison
// disagree about its side of 1970 (validateNumericDateTime). A literal
// with an exponent is first decoded into a float64 and printed with %.9f.

// maxEpochSecond is the last second time.Unix represents without its
// internal offset from year 1 wrapping an int64.
const maxEpochSecond = math.MaxInt64 - unixToInternal

// epochLiteral mirrors jwx v3's NumericDate.UnmarshalJSON for a number
// literal.
func epochLiteral(lit string, digits int) (Decimal, failure) {
	if !strings.ContainsAny(lit, "eE") {
		return epochSeconds(lit, digits)
	}
	f, fail := nearestFloat64(ParseDecimal(lit))
	if fail.failed() {
		return f, failure{MalformedClaim, fail.reason}
	}
	text := fmt.Sprintf("%.9f", asFloat(f))
	d, fail := epochSeconds(text, digits)
	if fail.failed() {
		fail.reason = fmt.Sprintf("NumericDate %s prints as %s: %s", lit, text, fail.reason)
	}
	return d, fail
}

// epochSeconds mirrors jwx v3's parseEpochSeconds and the range check of
// NumericDate.Accept: an optional '-', digits, and an optional fraction
// of which digits are kept, dropped toward the past.
func epochSeconds(s string, digits int) (Decimal, failure) {
	bad := failure{MalformedClaim, fmt.Sprintf("%q is not a number of seconds jwx v3 reads", s)}
	body := strings.TrimPrefix(s, "-")
	neg := len(body) < len(s)
	whole, frac, _ := strings.Cut(body, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return Decimal{}, bad
	}
	kept := frac
	if len(kept) > digits {
		kept = kept[:digits]
	}
	nanos, _ := new(big.Int).SetString(whole+kept+strings.Repeat("0", 9-len(kept)), 10)
	if neg {
		if strings.Trim(frac[len(kept):], "0") != "" {
			unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(9-len(kept))), nil)
			nanos.Add(nanos, unit)
		}
		nanos.Neg(nanos)
	}
	sec := new(big.Int).Div(nanos, big.NewInt(int64(time.Second))) // floors
	truncated, _ := new(big.Int).SetString(whole, 10)
	if neg {
		truncated.Neg(truncated)
	}
	if !truncated.IsInt64() || sec.Cmp(big.NewInt(math.MinInt64)) < 0 || sec.Cmp(big.NewInt(maxEpochSecond)) > 0 {
		bad.reason = fmt.Sprintf("NumericDate %s is beyond int64 seconds or time.Time's range", s)
		return Decimal{}, bad
	}
	return DecimalFromNanos(nanos), failure{}
}

// quotedEpochSeconds mirrors jwx v3's parseNumericString: seconds as
// epochSeconds reads them and, unless pedantic, an RFC 3339 date.
func quotedEpochSeconds(s string, digits int, rfc3339 bool) (Decimal, bool, bool) {
	if d, f := epochSeconds(s, digits); !f.failed() {
		return d, true, true
	}
	if !rfc3339 {
		return Decimal{}, true, false
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil || (t.Unix() < 0) != t.Before(time.Unix(0, 0)) {
		return Decimal{}, true, false
	}
	return goInstant(t), true, true
}
