package oracle

import (
	goflag "flag"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

var fastPathSeed = goflag.Uint64("oracle.seed", 1, "seed of TestFastPathsAgree's random literals")

// literals are number literals around the fast paths' edges, then random
// ones drawn from seed.
func literals(seed uint64, n int) []string {
	out := []string{
		"0", "-0", "0.0", "-0e5", "1", "-1", "1700000000", "1700000000.5",
		"-1700000000", "999999999999999", "1000000000000000", "9007199254740992",
		"9007199254740993", "123456789012345e7", "123456789012345e8",
		"1e22", "1e23", "1e-22", "1e-23", "0.1", "0.3", "-0.9999999999",
		"4503599627370495.5", "0.000000001", "1.7e9", "17000000010e-1",
		"1e308", "1.8e308", "1e400", "-1e400", "1e-400", "2147483648",
		"4611686018427387904", "-4611686018427387904", "9223372036854775807",
		"8999999999", "9000000000", "-8999999999", "-9000000000", "9e9", "89999999990e-1",
	}
	r := rand.New(rand.NewPCG(seed, seed))
	for range n {
		var b strings.Builder
		if r.IntN(4) == 0 {
			b.WriteByte('-')
		}
		digits := 1 + r.IntN(20)
		for i := range digits {
			d := byte('0' + r.IntN(10))
			if i == 0 && d == '0' && digits > 1 {
				d = '1'
			}
			b.WriteByte(d)
		}
		if r.IntN(2) == 0 {
			b.WriteByte('.')
			for range 1 + r.IntN(12) {
				b.WriteByte(byte('0' + r.IntN(10)))
			}
		}
		if r.IntN(2) == 0 {
			b.WriteString("e" + strconv.Itoa(r.IntN(60)-30))
		}
		out = append(out, b.String())
	}
	return out
}

// TestFastPathsAgree checks the readings' fast paths against the general
// code they skip, which formats and parses: asFloat against
// strconv.ParseFloat, nearestFloat64 against ExactFloat, and
// printfWholeSeconds against jwx's printing. Rerun a failure with
// -oracle.seed.
func TestFastPathsAgree(t *testing.T) {
	t.Logf("seed %d", *fastPathSeed)
	for _, lit := range literals(*fastPathSeed, 20000) {
		d := ParseDecimal(lit)
		want, err := strconv.ParseFloat(d.String(), 64)
		if f, ok := d.fastFloat(); ok {
			if err != nil || math.Float64bits(f) != math.Float64bits(want) {
				t.Fatalf("%s: fastFloat = %v, ParseFloat = %v, %v", lit, f, want, err)
			}
		}
		if f, ok := d.exactFloat(); ok {
			if e := ExactFloat(f); e.Cmp(d) != 0 || e.neg != d.neg || e.digits != d.digits || e.exp != d.exp {
				t.Fatalf("%s: exactFloat = %v, ExactFloat of it = %#v", lit, f, e)
			}
			got, fail := nearestFloat64(d)
			if fail.failed() || got.Cmp(ExactFloat(want)) != 0 || !got.isFloat || got.float != want {
				t.Fatalf("%s: nearestFloat64 = %#v, %v", lit, got, fail)
			}
		}
		if err != nil {
			continue // beyond float64: the readers refuse it before printing
		}
		got, gotFail := printfWholeSeconds(d)
		slow, slowFail := printfWholeSecondsOf(d, want)
		if !same(got, slow) || gotFail != slowFail {
			t.Fatalf("%s: printfWholeSeconds = %v, %v; jwx's printing gives %v, %v", lit, got, gotFail, slow, slowFail)
		}
		read, _ := nearestFloat64(d)
		for _, in := range []Decimal{d, read} {
			got, gotFail = floorSeconds(in)
			slow, slowFail = floorSecondsOf(in)
			if !same(got, slow) || gotFail != slowFail {
				t.Fatalf("%s: floorSeconds(%v) = %v, %v; through time.Time %v, %v", lit, in, got, gotFail, slow, slowFail)
			}
			got, gotFail = int64Seconds(in)
			slow, slowFail = int64SecondsOf(in)
			if !same(got, slow) || gotFail != slowFail {
				t.Fatalf("%s: int64Seconds(%v) = %v, %v; through time.Time %v, %v", lit, in, got, gotFail, slow, slowFail)
			}
		}
	}
}

// same reports whether two instants are equal and print alike, so that
// reasons do not change either.
func same(a, b Decimal) bool {
	return a.Cmp(b) == 0 && a.String() == b.String()
}
