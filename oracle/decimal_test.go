package oracle

import (
	"math/big"
	"testing"
)

func TestDecimalString(t *testing.T) {
	for _, tc := range []struct{ lit, want string }{
		{"1700000000", "1700000000"},
		{"1.7e9", "1700000000"},
		{"1700000000.500", "1700000000.5"},
		{"-0.5", "-0.5"},
		{"0.000000001", "0.000000001"},
		{"-0", "-0"},
		{"0e5", "0"},
		{"1e400", "1e400"},
		{"1e-400", "1e-400"},
		{"123456789e-2", "1234567.89"},
	} {
		if got := ParseDecimal(tc.lit).String(); got != tc.want {
			t.Errorf("parseDecimal(%q).String() = %q, want %q", tc.lit, got, tc.want)
		}
	}
}

func TestDecimalCmp(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"1", "1.0", 0},
		{"-0", "0", 0},
		{"1e400", "9223372036854775807", 1},
		{"-1e400", "-9223372036854775807", -1},
		{"1700000000.000000001", "1700000000", 1},
		{"1e-400", "0", 1},
		{"-1e-400", "0", -1},
		{"17000000010e-1", "1700000001", 0},
		{"1e99999999999999999999", "1e400", 1},
	} {
		if got := ParseDecimal(tc.a).Cmp(ParseDecimal(tc.b)); got != tc.want {
			t.Errorf("cmp(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestExactFloat checks exactFloat against big.Rat's exact conversion.
func TestExactFloat(t *testing.T) {
	for _, f := range []float64{0, 1, 0.1, 1700000000.99999999, -1.5, 1e-300, 1.7976931348623157e308, 5e-324, 1 << 62} {
		r := new(big.Rat).SetFloat64(f)
		want := ParseDecimal(r.FloatString(1100))
		if got := ExactFloat(f); got.Cmp(want) != 0 {
			t.Errorf("exactFloat(%v) = %s, want %s", f, got, want)
		}
	}
}

// TestDecimalBeyondBinary64 checks the edge of the finite binary64 range
// against strconv's rounding: the halfway point between math.MaxFloat64
// and 2^1024 rounds to even, which is 2^1024, so it is beyond.
func TestDecimalBeyondBinary64(t *testing.T) {
	halfway := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 1024), new(big.Int).Lsh(big.NewInt(1), 970))
	half := halfway.String()
	below := new(big.Int).Sub(halfway, big.NewInt(1)).String()
	for _, tc := range []struct {
		lit  string
		want bool
	}{
		{"0", false},
		{"-0", false},
		{"1e-400", false},
		{"1e308", false},
		{"9.99e307", false},
		{"1.7976931348623157e308", false},
		{"-1.7976931348623157e308", false},
		{"1.7976931348623158e308", false},
		{below, false},
		{below + ".999999999", false},
		{half, true},
		{"-" + half, true},
		{"1.7976931348623159e308", true},
		{"1.8e308", true},
		{"1e309", true},
		{"-1e400", true},
		{"1.5e+9999", true},
		{"123123e100000", true},
		{"1e99999999999999999999", true},
	} {
		if got := ParseDecimal(tc.lit).beyondBinary64(); got != tc.want {
			t.Errorf("ParseDecimal(%.40s).beyondBinary64() = %t, want %t", tc.lit, got, tc.want)
		}
	}
}
