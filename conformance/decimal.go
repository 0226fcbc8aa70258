package conformance

import (
	"math/big"
	"strconv"
	"strings"
	"time"
)

// decimal is an exact JSON number: digits × 10^exp, with the sign apart.
// digits has no leading or trailing zeros; zero is the empty string (and
// may be negative: -0 equals 0 but reads as float64 -0). It never
// materialises the power of ten, so "1e999999999" costs nothing.
type decimal struct {
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

// parseDecimal reads a JSON number literal exactly. The literal must
// already match the RFC 8259 number grammar.
func parseDecimal(lit string) decimal {
	var d decimal
	s := lit
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	}
	mant, expPart := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, expPart = s[:i], s[i+1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
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
	all := intPart + frac
	e -= int64(len(frac))
	trimmed := strings.TrimRight(all, "0")
	e += int64(len(all) - len(trimmed))
	d.digits = strings.TrimLeft(trimmed, "0")
	d.exp = e
	if d.digits == "" {
		// Keep the sign of a negative zero: a float64 reader keeps it too.
		return decimal{neg: d.neg}
	}
	return d
}

// decimalFromNanos is the exact decimal of n nanoseconds in seconds.
func decimalFromNanos(n *big.Int) decimal {
	s := n.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	return normal(neg, s, -9)
}

// decimalFromInt64Nanos is the exact decimal of n nanoseconds in seconds,
// without big arithmetic.
func decimalFromInt64Nanos(n int64) decimal {
	var buf [24]byte
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	return normal(neg, string(strconv.AppendUint(buf[:0], u, 10)), -9)
}

// decimalFromTime is the exact decimal of t in seconds since the epoch.
func decimalFromTime(t time.Time) decimal {
	return decimalFromNanos(nanos(t))
}

// nanos is t as nanoseconds since the epoch, exactly, for any time.Time.
func nanos(t time.Time) *big.Int {
	n := big.NewInt(t.Unix())
	n.Mul(n, big.NewInt(1e9))
	return n.Add(n, big.NewInt(int64(t.Nanosecond())))
}

func normal(neg bool, digits string, exp int64) decimal {
	t := strings.TrimRight(digits, "0")
	exp += int64(len(digits) - len(t))
	t = strings.TrimLeft(t, "0")
	if t == "" {
		return decimal{}
	}
	return decimal{neg: neg, digits: t, exp: exp}
}

func (d decimal) isZero() bool { return d.digits == "" }

// cmp compares d and o exactly: -1, 0 or +1.
func (d decimal) cmp(o decimal) int {
	switch {
	case d.isZero() && o.isZero():
		return 0
	case d.isZero():
		return -o.sign()
	case o.isZero():
		return d.sign()
	case d.neg != o.neg:
		return d.sign()
	}
	c := cmpMagnitude(d, o)
	if d.neg {
		return -c
	}
	return c
}

func (d decimal) sign() int {
	if d.isZero() {
		return 0
	}
	if d.neg {
		return -1
	}
	return 1
}

// cmpMagnitude compares |a| and |b|, both non-zero.
func cmpMagnitude(a, b decimal) int {
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
func (d decimal) String() string {
	sign := ""
	if d.neg {
		sign = "-"
	}
	if d.isZero() {
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
