package oracle

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestOracleTable(t *testing.T) {
	now := time.Unix(1700000000, 0)
	for _, tc := range []struct {
		payload string
		now     time.Time
		leeway  time.Duration
		require []Claim
		want    Verdict
		reason  string
	}{
		{`{"exp":1700000001}`, now, 0, nil, Accept, "exp one second ahead"},
		{`{"exp":1700000000}`, now, 0, nil, Reject, "exp == now is expired (4.1.4: now MUST be before exp)"},
		{`{"exp":1700000000}`, now, time.Nanosecond, nil, Accept, "a nanosecond of leeway covers exp == now"},
		{`{"exp":1700000000.000000001}`, now, 0, nil, Accept, "exact fraction beyond float64"},
		{`{"exp":1.7e9}`, now, 0, nil, Reject, "exponent spelling of now"},
		{`{"exp":1e400}`, now, 0, nil, Either, "beyond binary64: a parser may refuse it (RFC 8259 9)"},
		{`{"exp":1e99999999999999999999}`, now, 0, nil, Either, "huge exponent, no materialising"},
		{`{"exp":1.7976931348623157e308}`, now, 0, nil, Accept, "math.MaxFloat64 is inside binary64"},
		{`{"exp":1.7976931348623158e308}`, now, 0, nil, Accept, "below the halfway point, rounds to math.MaxFloat64"},
		{`{"exp":1.7976931348623159e308}`, now, 0, nil, Either, "past the halfway point, rounds beyond binary64"},
		{`{"exp":1.5e+9999}`, now, 0, nil, Either, "far beyond binary64"},
		{`{"exp":-1e400}`, now, 0, nil, Reject, "far past, and a parser may refuse it: reject either way"},
		{`{"nbf":-1e400}`, now, 0, nil, Either, "far past nbf beyond binary64"},
		{`{"nbf":1e400}`, now, 0, nil, Reject, "far future nbf: reject either way"},
		{`{"iat":-123123e100000}`, now, 0, nil, Either, "far past iat beyond binary64"},
		{`{"exp":1e-400}`, now, 0, nil, Reject, "underflow is inside the range: a tiny exp is expired"},
		{`{"exp":"1700000001"}`, now, 0, nil, Reject, "a quoted number is malformed"},
		{`{"exp":null}`, now, 0, nil, Reject, "null exp is malformed"},
		{`{"iat":null}`, now, 0, nil, Either, "malformed iat has no processing rule"},
		{`{"iat":null}`, now, 0, []Claim{Iat}, Reject, "required iat must be a NumericDate"},
		{`{"iat":1700000001}`, now, 0, nil, Either, "future iat"},
		{`{"nbf":1700000000}`, now, 0, nil, Accept, "nbf == now is valid"},
		{`{"nbf":1700000000.000000001}`, now, 0, nil, Reject, "nbf a nanosecond ahead"},
		{`{"nbf":1700000001}`, now, time.Second, nil, Accept, "leeway covers nbf"},
		{`{"exp":1700000001,"exp":1}`, now, 0, nil, Reject, "last-wins is expired; reject also allowed"},
		{`{"exp":1,"exp":1700000001}`, now, 0, nil, Either, "last-wins valid; reject allowed"},
		{`{"\u0065xp":1}`, now, 0, nil, Reject, "escaped name is exp"},
		{`{"EXP":1}`, now, 0, nil, Accept, "names are case-sensitive"},
		{`[]`, now, 0, nil, Reject, "not an object"},
		{`{} {}`, now, 0, nil, Reject, "trailing data"},
		{"\xef\xbb\xbf{}", now, 0, nil, Either, "BOM may be ignored"},
		{`{"a":"\ud800"}`, now, 0, nil, Either, "lone surrogate"},
		{"{\"a\":\"\xff\"}", now, 0, nil, Reject, "invalid UTF-8"},
		{`{}`, now, 0, []Claim{Exp}, Reject, "required exp missing"},
		{`{"exp":-0}`, time.Unix(-1, 0), 0, nil, Accept, "negative clock before zero exp"},
		{`{"exp":1700000000.5}`, time.Unix(1700000000, 499999999), 0, nil, Accept, "sub-second clock"},
		{`{"exp":1700000000.5}`, time.Unix(1700000000, 500000000), 0, nil, Reject, "sub-second clock at exp"},
		{`{"exp":01}`, now, 0, nil, Reject, "leading zero"},
		{"{\"exp\":1\u00a0}", now, 0, nil, Reject, "NBSP is not JSON whitespace"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			got := Judge([]byte(tc.payload), Query{Now: tc.now, Leeway: tc.leeway, SetLeeway: true, Require: tc.require})
			if got.Verdict != tc.want {
				t.Errorf("Judge(%s) = %s %v, want %s", tc.payload, got.Verdict, got.Reasons, tc.want)
			}
		})
	}
}

// TestFoldEqual: foldEqual agrees with bytes.EqualFold for every claim
// name against names that differ in case, in folding letters (U+017F, U+212A)
// or in their first byte.
func TestFoldEqual(t *testing.T) {
	claims := []string{"exp", "nbf", "iat", "iss", "sub", "aud", "jti", "kid"}
	names := []string{"", "x", "EXP", "eXp", "exp ", "\u017fub", "\u017f\u017fuB", "i\u017f\u017f", "\u212aid", "Kid", "ſ", "\xff", "ĳti"}
	for c := range 256 {
		names = append(names, string([]byte{byte(c)})+"xp", string([]byte{byte(c)})+"ss", string([]byte{byte(c)})+"ub")
	}
	for _, claim := range claims {
		for _, name := range append(names, claim) {
			if got, want := foldEqual([]byte(name), claim), bytes.EqualFold([]byte(name), []byte(claim)); got != want {
				t.Errorf("foldEqual(%q, %q) = %t, want %t", name, claim, got, want)
			}
		}
	}
}

// TestPolicies checks the caller's maximum age and lifetime: judged
// exactly as stated, inclusive, widened by the leeway, needing their
// claims, and labelled as policies outside RFC 7519.
func TestPolicies(t *testing.T) {
	now := time.Unix(1700000000, 0)
	for _, tc := range []struct {
		name, payload    string
		now              time.Time
		leeway           time.Duration
		maxAge, lifetime time.Duration
		want             Verdict
		class            Class
	}{
		{"age at the bound", `{"iat":1699996400}`, now, 0, time.Hour, 0, Accept, ""},
		{"age a nanosecond over", `{"iat":1699996400}`, now.Add(1), 0, time.Hour, 0, Reject, TooOld},
		{"age over, within leeway", `{"iat":1699996399}`, now, time.Second, time.Hour, 0, Accept, ""},
		{"age: a fractional iat compared exactly", `{"iat":1699996399.999999999}`, now, 0, time.Hour, 0, Reject, TooOld},
		{"age: no iat", `{"exp":1800000000}`, now, 0, time.Hour, 0, Reject, MissingClaim},
		{"age: malformed iat", `{"iat":"1699999999"}`, now, 0, time.Hour, 0, Reject, MalformedClaim},
		{"age: a future iat is the RFC's open point", `{"iat":1700000001}`, now, 0, time.Hour, 0, Either, IssuedInFuture},
		{"lifetime at the bound", `{"iat":1700000000,"exp":1700003600}`, now, 0, 0, time.Hour, Accept, ""},
		{"lifetime a nanosecond over", `{"iat":1700000000,"exp":1700003600.000000001}`, now, 0, 0, time.Hour, Reject, LifetimeTooLong},
		{"lifetime over, within leeway", `{"iat":1700000000,"exp":1700003601}`, now, time.Second, 0, time.Hour, Accept, ""},
		{"lifetime: no exp", `{"iat":1700000000}`, now, 0, 0, time.Hour, Reject, MissingClaim},
		{"lifetime: no iat", `{"exp":1700000001}`, now, 0, 0, time.Hour, Reject, MissingClaim},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := Query{Now: tc.now, Leeway: tc.leeway, SetLeeway: true, MaxAge: tc.maxAge, MaxLifetime: tc.lifetime}
			got := Judge([]byte(tc.payload), q)
			if got.Verdict != tc.want || (tc.class != "" && !slices.Contains(got.Classes, tc.class)) {
				t.Errorf("Judge(%s) = %s %v %v, want %s with %s", tc.payload, got.Verdict, got.Classes, got.Reasons, tc.want, tc.class)
			}
			if tc.class != "" && tc.class != IssuedInFuture && !strings.Contains(strings.Join(got.Reasons, "; "), "outside RFC 7519") {
				t.Errorf("Judge(%s): reasons %q do not say the policy is outside RFC 7519", tc.payload, got.Reasons)
			}
			// Without a leeway option the policy still applies, with leeway 0.
			if d := Judge([]byte(tc.payload), Query{Now: tc.now, MaxAge: tc.maxAge, MaxLifetime: tc.lifetime}.RFC()); tc.leeway == 0 && d.Verdict != got.Verdict {
				t.Errorf("Judge(%s) with no leeway option = %s, with leeway 0 %s", tc.payload, d.Verdict, got.Verdict)
			}
		})
	}
}
