package properties

import (
	"math"
	"math/big"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/oracle"
)

// The generators in this file draw clock readings, leeways and NumericDate
// values concentrated where time-claim bugs live: equality, one nanosecond
// and one second either side, the leeway, the float64 and int64 limits,
// zero and negative instants.

// The clock is the verifier's own, not the attacker's, so clock readings
// are drawn where time.Time.UnixNano is defined (1677-09-21 to 2262-04-11)
// and a library may hold the clock in int64 nanoseconds; claim values,
// which the attacker writes, are drawn far beyond, at every limit.
var (
	minClock = big.NewInt(math.MinInt64)
	maxClock = big.NewInt(math.MaxInt64)
)

// clockSeconds bounds the whole seconds GenInstant draws.
const clockSeconds = 9223372035

// ClockAnchors are clock readings, in whole seconds, where bugs cluster:
// the epoch and either side of it, a present-day reading, the 32-bit
// limits and the edges of the UnixNano range.
var ClockAnchors = []int64{
	1700000000, 0, -1, 1, 2147483647, 2147483648, 4294967296, 9223372036, -9223372036,
}

// SpecialDates are NumericDate literals at the limits of the number types a
// library may read a NumericDate into.
var SpecialDates = []string{
	"0", "1", "-1", "0.5", "-0.5",
	"9007199254740992", "9007199254740993",
	"4611686018427387904", "9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809", "18446744073709551616",
	"9223372036.854775807", "9223372036.854775808", "-9223372036.854775808",
	"9223371974719179007", "9223371974719179008",
	"1e19", "1e300", "-1e300", "1.7976931348623157e308", "1.7976931348623159e308",
	"1e400", "-1e400", "5e-324",
}

// GenLeeway draws a clock-skew leeway: zero, a nanosecond, a second, the
// usual minutes, anything up to ten minutes, or the largest Duration.
func GenLeeway() *rapid.Generator[time.Duration] {
	return rapid.Custom(func(t *rapid.T) time.Duration {
		switch rapid.IntRange(0, 2).Draw(t, "leewayKind") {
		case 0:
			return rapid.SampledFrom([]time.Duration{0, time.Nanosecond, time.Second, 30 * time.Second, time.Minute, 5 * time.Minute}).Draw(t, "leeway")
		case 1:
			return time.Duration(rapid.Int64Range(0, int64(10*time.Minute)).Draw(t, "leeway"))
		}
		return rapid.SampledFrom([]time.Duration{math.MaxInt64, 100 * 365 * 24 * time.Hour, 999999999}).Draw(t, "leeway")
	})
}

// GenInstant draws an instant, in nanoseconds since the epoch, inside the
// clock range: an anchor moved by a small offset, or any second.
func GenInstant() *rapid.Generator[*big.Int] {
	return rapid.Custom(func(t *rapid.T) *big.Int {
		var sec int64
		if rapid.Bool().Draw(t, "anyInstant") {
			sec = rapid.Int64Range(-clockSeconds, clockSeconds).Draw(t, "sec")
		} else {
			sec = rapid.SampledFrom(ClockAnchors).Draw(t, "anchor") + rapid.Int64Range(-3, 3).Draw(t, "secOffset")
		}
		nanos := GenNanos().Draw(t, "nanos")
		n := new(big.Int).Add(new(big.Int).Mul(big.NewInt(sec), big.NewInt(1e9)), big.NewInt(nanos))
		if _, ok := clockAt(n); !ok {
			// Past the edge of the clock range: fold back to the present.
			n.SetInt64(1700000000e9 + nanos)
		}
		return n
	})
}

// GenNanos draws a sub-second part: none, the edges, the half, or any.
func GenNanos() *rapid.Generator[int64] {
	return rapid.Custom(func(t *rapid.T) int64 {
		if rapid.Bool().Draw(t, "fraction") {
			return 0
		}
		if rapid.Bool().Draw(t, "anyNanos") {
			return rapid.Int64Range(0, 999999999).Draw(t, "nanos")
		}
		return rapid.SampledFrom([]int64{1, 999999999, 500000000, 999999, 1000}).Draw(t, "nanos")
	})
}

// GenOffset draws a clock offset in nanoseconds from a boundary: zero, one
// nanosecond or one second either side, the leeway either side, or any
// offset within a minute.
func GenOffset(leeway time.Duration) *rapid.Generator[*big.Int] {
	return rapid.Custom(func(t *rapid.T) *big.Int {
		lw := int64(leeway)
		switch rapid.IntRange(0, 2).Draw(t, "offsetKind") {
		case 0:
			return big.NewInt(rapid.SampledFrom([]int64{0, -1, 1, -1e9, 1e9}).Draw(t, "offset"))
		case 1:
			o := big.NewInt(lw)
			if rapid.Bool().Draw(t, "negLeeway") {
				o.Neg(o)
			}
			return o.Add(o, big.NewInt(rapid.Int64Range(-1, 1).Draw(t, "leewayNudge")))
		}
		return big.NewInt(rapid.Int64Range(-60e9, 60e9).Draw(t, "offset"))
	})
}

// GenDateNear draws a NumericDate literal near instant n (nanoseconds):
// n itself, with digits below the nanosecond appended, or, one time in
// eight, one of SpecialDates.
func GenDateNear(n *big.Int) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		if rapid.IntRange(0, 7).Draw(t, "special") == 7 {
			return rapid.SampledFrom(SpecialDates).Draw(t, "date")
		}
		lit := nanosLiteral(n)
		if rapid.IntRange(0, 3).Draw(t, "subNano") == 3 {
			extra := rapid.SampledFrom([]string{"1", "9", "5", "99999999", "00000000000000000001"}).Draw(t, "extra")
			if !strings.Contains(lit, ".") {
				lit += ".000000000"
			} else {
				lit += strings.Repeat("0", 9-len(lit[strings.IndexByte(lit, '.')+1:]))
			}
			lit += extra
		}
		return lit
	})
}

// nanosLiteral writes n nanoseconds as decimal seconds, exactly, with no
// trailing fractional zeros.
func nanosLiteral(n *big.Int) string {
	neg := n.Sign() < 0
	s := new(big.Int).Abs(n).String()
	if len(s) < 10 {
		s = strings.Repeat("0", 10-len(s)) + s
	}
	whole, frac := s[:len(s)-9], strings.TrimRight(s[len(s)-9:], "0")
	out := whole
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// clockAt is the clock reading n nanoseconds after the epoch, or false when
// n lies outside the clock range.
func clockAt(n *big.Int) (time.Time, bool) {
	if n.Cmp(minClock) < 0 || n.Cmp(maxClock) > 0 {
		return time.Time{}, false
	}
	return time.Unix(0, n.Int64()).UTC(), true
}

// literalNanos is the instant a NumericDate literal denotes, cut toward the
// past to a nanosecond, or false beyond the clock range.
func literalNanos(lit string) (*big.Int, bool) {
	d := oracle.ParseDecimal(lit)
	if d.IsZero() {
		return new(big.Int), true
	}
	if _, digits, exp := d.Parts(); exp+int64(len(digits)) > 20 {
		return nil, false
	}
	r := new(big.Rat)
	if _, ok := r.SetString(lit); !ok {
		return nil, false
	}
	r.Mul(r, new(big.Rat).SetInt64(1e9))
	q := new(big.Int).Div(r.Num(), r.Denom()) // Euclidean: floors
	if _, ok := clockAt(q); !ok {
		return nil, false
	}
	return q, true
}

// nowNear draws a clock reading at boundary b (nanoseconds) plus an offset,
// falling back to any instant when that leaves the clock range.
func nowNear(t *rapid.T, b *big.Int, leeway time.Duration) time.Time {
	if b != nil {
		n := new(big.Int).Add(b, GenOffset(leeway).Draw(t, "offset"))
		if now, ok := clockAt(n); ok {
			return now
		}
	}
	now, _ := clockAt(GenInstant().Draw(t, "now"))
	return now
}
