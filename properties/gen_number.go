package properties

import (
	"strconv"
	"strings"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/oracle"
)

// Spelling is one way to write a JSON number (RFC 8259 section 6) without
// changing its value: the digits of the value, padded with zeros, split at
// a point and scaled by an exponent.
type Spelling struct {
	// Zeros is how many zeros follow the significant digits.
	Zeros int
	// Point is how many of the padded digits stand before the decimal
	// point; -1 writes the plain decimal form with no exponent, 0 writes
	// "0." before the digits.
	Point int
	// ExpChar is "e" or "E".
	ExpChar string
	// ExpSign is "", "+" or "-" ("-" only shows on a negative exponent).
	ExpSign string
	// NegZero writes a zero as "-0", the same number by value.
	NegZero bool
}

// plainDigitsLimit bounds the digits the plain form may write; beyond it a
// value is spelled with an exponent, so 1e400 never becomes 401 digits.
const plainDigitsLimit = 40

// Respell writes the JSON number lit, which must match the RFC 8259
// grammar, in spelling s. The result has exactly lit's value.
func Respell(lit string, s Spelling) string {
	d := oracle.ParseDecimal(lit)
	neg, digits, exp := d.Parts()
	sign := ""
	if neg {
		sign = "-"
	}
	if d.IsZero() {
		if s.NegZero {
			sign = "-"
		}
		switch {
		case s.Point < 0:
			return sign + "0" + zerosFraction(s.Zeros)
		default:
			return sign + "0" + zerosFraction(s.Zeros) + s.ExpChar + expSign(s.ExpSign, int64(s.Point)) + strconv.Itoa(s.Point)
		}
	}
	m := digits + strings.Repeat("0", s.Zeros)
	scale := exp - int64(s.Zeros) // value = m × 10^scale
	if s.Point < 0 {
		if p, ok := plain(m, scale); ok {
			return sign + p
		}
		s.Point = 1 // too long for the plain form: scientific instead
	}
	p := min(s.Point, len(m))
	intPart, frac := m[:p], m[p:]
	if intPart == "" {
		intPart = "0"
	}
	e := scale + int64(len(m)-p)
	out := sign + intPart
	if frac != "" {
		out += "." + frac
	}
	return out + s.ExpChar + expSign(s.ExpSign, e) + strconv.FormatInt(abs64(e), 10)
}

// plain writes m × 10^scale with no exponent, if that takes at most
// plainDigitsLimit digits.
func plain(m string, scale int64) (string, bool) {
	switch {
	case scale >= 0:
		if int64(len(m))+scale > plainDigitsLimit {
			return "", false
		}
		return m + strings.Repeat("0", int(scale)), true
	case -scale < int64(len(m)):
		i := len(m) + int(scale)
		return m[:i] + "." + m[i:], true
	default:
		if -scale > plainDigitsLimit {
			return "", false
		}
		return "0." + strings.Repeat("0", int(-scale)-len(m)) + m, true
	}
}

func zerosFraction(n int) string {
	if n == 0 {
		return ""
	}
	return "." + strings.Repeat("0", n)
}

func expSign(pref string, e int64) string {
	if e < 0 {
		return "-"
	}
	if pref == "+" {
		return "+"
	}
	return ""
}

func abs64(e int64) int64 {
	if e < 0 {
		return -e
	}
	return e
}

// canonicalSpelling writes a number in its plain decimal form, with no
// padding: the spelling generators shrink toward it.
var canonicalSpelling = Spelling{Point: -1, ExpChar: "e"}

// GenSpelling generates spellings, shrinking toward the plain form
// (1700000001), then padded (1700000001.0), then scientific
// (1.700000001e9, 17000000010e-1, 0.1700000001E+10, -0 for 0).
func GenSpelling() *rapid.Generator[Spelling] {
	return rapid.Custom(func(t *rapid.T) Spelling {
		s := canonicalSpelling
		if !rapid.Bool().Draw(t, "respell") {
			return s
		}
		s.Zeros = rapid.IntRange(0, 3).Draw(t, "zeros")
		s.Point = rapid.IntRange(-1, 12).Draw(t, "point")
		s.ExpChar = rapid.SampledFrom([]string{"e", "E"}).Draw(t, "expChar")
		s.ExpSign = rapid.SampledFrom([]string{"", "+"}).Draw(t, "expSign")
		s.NegZero = rapid.Bool().Draw(t, "negZero")
		return s
	})
}
