package properties

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

func TestRespellExamples(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lit  string
		s    Spelling
		want string
	}{
		{"1700000001", canonicalSpelling, "1700000001"},
		{"1700000001", Spelling{Zeros: 1, Point: -1}, "1700000001.0"},
		{"1700000001", Spelling{Point: 1, ExpChar: "e"}, "1.700000001e9"},
		{"1700000001", Spelling{Zeros: 1, Point: 11, ExpChar: "e"}, "17000000010e-1"},
		{"1700000001", Spelling{Point: 0, ExpChar: "E", ExpSign: "+"}, "0.1700000001E+10"},
		{"1700000000.5", canonicalSpelling, "1700000000.5"},
		{"-0.5", Spelling{Point: 1, ExpChar: "e"}, "-5e-1"},
		{"0", Spelling{Point: -1, NegZero: true}, "-0"},
		{"1e400", canonicalSpelling, "1e400"},
		{"5e-324", Spelling{Point: 1, ExpChar: "e"}, "5e-324"},
	} {
		if got := Respell(tc.lit, tc.s); got != tc.want {
			t.Errorf("Respell(%s, %+v) = %s, want %s", tc.lit, tc.s, got, tc.want)
		}
	}
}

// TestRespellKeepsValue checks every spelling is a JSON number with the
// value of the literal it respells.
func TestRespellKeepsValue(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lit := GenDateNear(GenInstant().Draw(t, "anchor")).Draw(t, "lit")
		got := Respell(lit, GenSpelling().Draw(t, "spelling"))
		if !oracle.IsNumber(got) {
			t.Fatalf("Respell(%s) = %q, not a JSON number", lit, got)
		}
		if oracle.ParseDecimal(got).Cmp(oracle.ParseDecimal(lit)) != 0 {
			t.Fatalf("Respell(%s) = %s, another value", lit, got)
		}
	})
}

// TestClaimsSetIsJSON checks the near-valid claims sets are JSON objects
// whose members are the ones generated, names unescaped.
func TestClaimsSetIsJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cs := GenClaimsSet(GenInstant().Draw(t, "anchor"), NearValid).Draw(t, "claims")
		members, err := oracle.Members(cs.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", cs, err)
		}
		if len(members) != len(cs.Members) {
			t.Fatalf("%s: parsed %d members, generated %d", cs, len(members), len(cs.Members))
		}
		for i, m := range members {
			if m.Name != memberKey(cs.Members[i]) {
				t.Fatalf("%s: member %d is %q, generated %q", cs, i, m.Name, memberKey(cs.Members[i]))
			}
		}
	})
}

// TestReorderKeepsRepeatedNames checks a reordering never swaps two members
// of the same name, whose order decides which one wins.
func TestReorderKeepsRepeatedNames(t *testing.T) {
	base := ClaimsSet{Members: []Member{
		TimeClaim(adapters.Exp, "1"), {Name: "sub", Value: `"a"`}, TimeClaim(adapters.Exp, "2"),
		TimeClaim(adapters.Nbf, "3"), TimeClaim(adapters.Exp, "4"),
	}}
	rapid.Check(t, func(t *rapid.T) {
		got := Reorder(t, base)
		var exps []string
		for _, m := range got.Members {
			if m.Claim == adapters.Exp {
				exps = append(exps, m.Value)
			}
		}
		if len(got.Members) != len(base.Members) || len(exps) != 3 || exps[0] != "1" || exps[1] != "2" || exps[2] != "4" {
			t.Fatalf("Reorder(%s) = %s", base, got)
		}
	})
}

func TestNanosLiteral(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0"}, {1, "0.000000001"}, {-1, "-0.000000001"}, {1700000000e9, "1700000000"},
		{1700000000500000000, "1700000000.5"}, {-1500000000, "-1.5"},
	} {
		if got := nanosLiteral(big.NewInt(tc.n)); got != tc.want {
			t.Errorf("nanosLiteral(%d) = %s, want %s", tc.n, got, tc.want)
		}
		if n, ok := literalNanos(tc.want); !ok || n.Int64() != tc.n {
			t.Errorf("literalNanos(%s) = %v, %t, want %d", tc.want, n, ok, tc.n)
		}
	}
}
