package oracle

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Decimal is an exact JSON number: digits × 10^exp, with the sign apart.
// digits has no leading or trailing zeros; zero is the empty string (and
// may be negative: -0 equals 0 but reads as float64 -0). It never
// materialises the power of ten, so "1e999999999" costs nothing.
type Decimal struct {
	neg    bool
	digits string
	exp    int64
	// float is the value as a float64 when it came from one (isFloat), so
	// that reading it back costs no parse.
	float   float64
	isFloat bool
}

// maxExp bounds exponents: a JSON exponent past it is beyond any clock the
// harness compares with, so saturating keeps comparisons exact.
const maxExp = 1 << 40

// ParseDecimal reads a JSON number literal exactly. The literal must
// already match the RFC 8259 number grammar.
func ParseDecimal(lit string) Decimal {
	var d Decimal
	s := lit
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	}
	// One pass finds the point and the exponent.
	intPart, frac, expPart := s, "", ""
	dot := -1
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' {
			dot = i
		} else if c == 'e' || c == 'E' {
			intPart, expPart = s[:i], s[i+1:]
			break
		}
	}
	if dot >= 0 {
		intPart, frac = intPart[:dot], intPart[dot+1:]
	}
	var e int64
	if expPart != "" {
		sign := int64(1)
		switch expPart[0] {
		case '-':
			sign, expPart = -1, expPart[1:]
		case '+':
			expPart = expPart[1:]
		}
		expPart = strings.TrimLeft(expPart, "0")
		if len(expPart) > 13 {
			e = maxExp
		} else if expPart != "" {
			e, _ = strconv.ParseInt(expPart, 10, 64)
		}
		e *= sign
	}
	all := intPart
	if frac != "" {
		all += frac
	}
	e -= int64(len(frac))
	trimmed := strings.TrimRight(all, "0")
	e += int64(len(all) - len(trimmed))
	d.digits = strings.TrimLeft(trimmed, "0")
	d.exp = e
	if d.digits == "" {
		// Keep the sign of a negative zero: a float64 reader keeps it too.
		return Decimal{neg: d.neg}
	}
	return d
}

// DecimalFromNanos is the exact decimal of n nanoseconds in seconds.
func DecimalFromNanos(n *big.Int) Decimal {
	s := n.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	return normal(neg, s, -9)
}

// DecimalFromInt64Nanos is the exact decimal of n nanoseconds in seconds,
// without big arithmetic.
func DecimalFromInt64Nanos(n int64) Decimal {
	var buf [24]byte
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	return normal(neg, string(strconv.AppendUint(buf[:0], u, 10)), -9)
}

// DecimalFromTime is the exact decimal of t in seconds since the epoch.
func DecimalFromTime(t time.Time) Decimal {
	return DecimalFromNanos(Nanos(t))
}

// Nanos is t as nanoseconds since the epoch, exactly, for any time.Time.
func Nanos(t time.Time) *big.Int {
	n := big.NewInt(t.Unix())
	n.Mul(n, big.NewInt(1e9))
	return n.Add(n, big.NewInt(int64(t.Nanosecond())))
}

func normal(neg bool, digits string, exp int64) Decimal {
	t := strings.TrimRight(digits, "0")
	exp += int64(len(digits) - len(t))
	t = strings.TrimLeft(t, "0")
	if t == "" {
		return Decimal{}
	}
	return Decimal{neg: neg, digits: t, exp: exp}
}

// IsZero reports whether d is zero (either sign).
func (d Decimal) IsZero() bool { return d.digits == "" }

// Cmp compares d and o exactly: -1, 0 or +1.
func (d Decimal) Cmp(o Decimal) int {
	switch {
	case d.IsZero() && o.IsZero():
		return 0
	case d.IsZero():
		return -o.Sign()
	case o.IsZero():
		return d.Sign()
	case d.neg != o.neg:
		return d.Sign()
	}
	c := cmpMagnitude(d, o)
	if d.neg {
		return -c
	}
	return c
}

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int {
	if d.IsZero() {
		return 0
	}
	if d.neg {
		return -1
	}
	return 1
}

// cmpMagnitude compares |a| and |b|, both non-zero.
func cmpMagnitude(a, b Decimal) int {
	// The position of the leading digit decides first.
	la, lb := int64(len(a.digits))+a.exp, int64(len(b.digits))+b.exp
	if la != lb {
		if la < lb {
			return -1
		}
		return 1
	}
	n := max(len(a.digits), len(b.digits))
	for i := range n {
		ca, cb := digitAt(a.digits, i), digitAt(b.digits, i)
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
	}
	return 0
}

func digitAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return '0'
}

// String renders d for messages and for strconv.ParseFloat: plain decimal
// notation ("1700000000", "-0.5") while that takes at most 40 digits,
// exponent form ("1e400") beyond.
func (d Decimal) String() string {
	sign := ""
	if d.neg {
		sign = "-"
	}
	if d.IsZero() {
		return sign + "0"
	}
	n := int64(len(d.digits))
	switch {
	case d.exp >= 0 && n+d.exp <= 40:
		return sign + d.digits + strings.Repeat("0", int(d.exp))
	case d.exp < 0 && -d.exp < n:
		i := n + d.exp
		return sign + d.digits[:i] + "." + d.digits[i:]
	case d.exp < 0 && -d.exp <= 40:
		return sign + "0." + strings.Repeat("0", int(-d.exp-n)) + d.digits
	}
	return sign + d.digits + "e" + strconv.FormatInt(d.exp, 10)
}

// addNanos is d plus n nanoseconds, exactly. A value beyond 10^40 seconds
// is returned as it is: no clock the harness compares comes near it, so no
// comparison changes.
func (d Decimal) addNanos(n int64) Decimal {
	if n == 0 || (!d.IsZero() && int64(len(d.digits))+d.exp > 40) {
		return d
	}
	scale := min(d.exp, -9)
	// d and n as integers of 10^scale.
	v, _ := new(big.Int).SetString(d.digits+strings.Repeat("0", int(d.exp-scale)), 10)
	if v == nil {
		v = new(big.Int)
	}
	if d.neg {
		v.Neg(v)
	}
	add := big.NewInt(n)
	add.Mul(add, new(big.Int).Exp(big.NewInt(10), big.NewInt(-9-scale), nil))
	v.Add(v, add)
	neg := v.Sign() < 0
	return normal(neg, new(big.Int).Abs(v).String(), scale)
}

// beyondBinary64 reports whether d lies outside the finite range of IEEE
// 754 binary64 once rounded to the nearest one: |d| rounds past
// math.MaxFloat64, where strconv.ParseFloat overflows. RFC 8259 6 names
// binary64 as the range implementations agree on.
func (d Decimal) beyondBinary64() bool {
	if d.IsZero() {
		return false
	}
	// |d| lies in [10^(lead-1), 10^lead); math.MaxFloat64 is about
	// 1.8e308, so only lead == 309 needs the rounding done.
	switch lead := int64(len(d.digits)) + d.exp; {
	case lead <= 308:
		return false
	case lead > 309:
		return true
	}
	_, err := strconv.ParseFloat(d.String(), 64)
	return err != nil
}

// Parts is d as sign, digits and exponent: d = ±digits × 10^exp, digits
// without leading or trailing zeros (empty for zero).
func (d Decimal) Parts() (neg bool, digits string, exp int64) {
	return d.neg, d.digits, d.exp
}

// int64Nanos is d in nanoseconds, cut toward zero, with whether the cut
// lost nothing; ok is false when it does not fit an int64. It allocates
// nothing, for the comparisons with the clock on every judgement.
func (d Decimal) int64Nanos() (v int64, exact, ok bool) {
	if d.IsZero() {
		return 0, true, true
	}
	n := int64(len(d.digits))
	shift := d.exp + 9 // d × 10^9 = digits × 10^shift
	keep, exact := n, true
	if shift < 0 {
		// digits has no trailing zeros, so dropping any loses something.
		keep, shift, exact = n+shift, 0, false
		if keep <= 0 {
			return 0, false, true
		}
	}
	if keep+shift > 19 { // 19 digits fit a uint64
		return 0, false, false
	}
	var u uint64
	for i := range keep {
		u = u*10 + uint64(d.digits[i]-'0')
	}
	for ; shift > 0; shift-- {
		u *= 10
	}
	if u > math.MaxInt64 {
		return 0, false, false
	}
	if v = int64(u); d.neg {
		v = -v
	}
	return v, exact, true
}

// cmpNanos compares d with ns nanoseconds exactly: -1, 0 or +1.
func (d Decimal) cmpNanos(ns int64) int {
	v, exact, ok := d.int64Nanos()
	if !ok {
		return d.Cmp(DecimalFromInt64Nanos(ns))
	}
	switch {
	case v < ns:
		return -1
	case v > ns:
		return 1
	case exact:
		return 0
	case d.neg:
		return -1 // d lies just below v, which was cut toward zero
	}
	return 1
}
