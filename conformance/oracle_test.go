package conformance

import (
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/vectors"
)

func TestOracleTable(t *testing.T) {
	now := time.Unix(1700000000, 0)
	for _, tc := range []struct {
		payload string
		now     time.Time
		leeway  time.Duration
		require []adapters.Claim
		want    vectors.Expect
		reason  string
	}{
		{`{"exp":1700000001}`, now, 0, nil, vectors.Accept, "exp one second ahead"},
		{`{"exp":1700000000}`, now, 0, nil, vectors.Reject, "exp == now is expired (4.1.4: now MUST be before exp)"},
		{`{"exp":1700000000}`, now, time.Nanosecond, nil, vectors.Accept, "a nanosecond of leeway covers exp == now"},
		{`{"exp":1700000000.000000001}`, now, 0, nil, vectors.Accept, "exact fraction beyond float64"},
		{`{"exp":1.7e9}`, now, 0, nil, vectors.Reject, "exponent spelling of now"},
		{`{"exp":1e400}`, now, 0, nil, vectors.Accept, "beyond float64 is still a NumericDate"},
		{`{"exp":1e99999999999999999999}`, now, 0, nil, vectors.Accept, "huge exponent, no materialising"},
		{`{"exp":-1e400}`, now, 0, nil, vectors.Reject, "far past"},
		{`{"exp":"1700000001"}`, now, 0, nil, vectors.Reject, "a quoted number is malformed"},
		{`{"exp":null}`, now, 0, nil, vectors.Reject, "null exp is malformed"},
		{`{"iat":null}`, now, 0, nil, vectors.Either, "malformed iat has no processing rule"},
		{`{"iat":null}`, now, 0, []adapters.Claim{adapters.Iat}, vectors.Reject, "required iat must be a NumericDate"},
		{`{"iat":1700000001}`, now, 0, nil, vectors.Either, "future iat"},
		{`{"nbf":1700000000}`, now, 0, nil, vectors.Accept, "nbf == now is valid"},
		{`{"nbf":1700000000.000000001}`, now, 0, nil, vectors.Reject, "nbf a nanosecond ahead"},
		{`{"nbf":1700000001}`, now, time.Second, nil, vectors.Accept, "leeway covers nbf"},
		{`{"exp":1700000001,"exp":1}`, now, 0, nil, vectors.Reject, "last-wins is expired; reject also allowed"},
		{`{"exp":1,"exp":1700000001}`, now, 0, nil, vectors.Either, "last-wins valid; reject allowed"},
		{`{"\u0065xp":1}`, now, 0, nil, vectors.Reject, "escaped name is exp"},
		{`{"EXP":1}`, now, 0, nil, vectors.Accept, "names are case-sensitive"},
		{`[]`, now, 0, nil, vectors.Reject, "not an object"},
		{`{} {}`, now, 0, nil, vectors.Reject, "trailing data"},
		{"\xef\xbb\xbf{}", now, 0, nil, vectors.Either, "BOM may be ignored"},
		{`{"a":"\ud800"}`, now, 0, nil, vectors.Either, "lone surrogate"},
		{"{\"a\":\"\xff\"}", now, 0, nil, vectors.Reject, "invalid UTF-8"},
		{`{}`, now, 0, []adapters.Claim{adapters.Exp}, vectors.Reject, "required exp missing"},
		{`{"exp":-0}`, time.Unix(-1, 0), 0, nil, vectors.Accept, "negative clock before zero exp"},
		{`{"exp":1700000000.5}`, time.Unix(1700000000, 499999999), 0, nil, vectors.Accept, "sub-second clock"},
		{`{"exp":1700000000.5}`, time.Unix(1700000000, 500000000), 0, nil, vectors.Reject, "sub-second clock at exp"},
		{`{"exp":01}`, now, 0, nil, vectors.Reject, "leading zero"},
		{"{\"exp\":1\u00a0}", now, 0, nil, vectors.Reject, "NBSP is not JSON whitespace"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			got := Oracle([]byte(tc.payload), Check{Now: tc.now, Leeway: tc.leeway, SetLeeway: true, Require: tc.require})
			if got.Verdict != tc.want {
				t.Errorf("Oracle(%s) = %s %v, want %s", tc.payload, got.Verdict, got.Reasons, tc.want)
			}
		})
	}
}
