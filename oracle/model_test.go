package oracle

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestPresetsAreSettings checks every preset is a setting of parameters:
// its model, written as settings and read back, is the same model.
func TestPresetsAreSettings(t *testing.T) {
	for _, p := range Presets() {
		var m Model
		p.Apply(&m)
		settings := m.Settings()
		if len(settings) == 0 {
			t.Errorf("preset %s sets no parameter", p.ID)
		}
		var back Model
		for _, s := range settings {
			name, value, _ := strings.Cut(s, "=")
			if err := back.Set(name, value); err != nil {
				t.Errorf("preset %s: %v", p.ID, err)
			}
		}
		if !reflect.DeepEqual(m, back) {
			t.Errorf("preset %s: settings %v read back as %+v, want %+v", p.ID, settings, back, m)
		}
	}
}

func TestSetRejectsBadInput(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"no-such", "x", `no parameter "no-such"`},
		{"duplicates", "middle", "want one of open, last, first, reject"},
		{"exp.default-leeway", "a minute", "parameter exp.default-leeway"},
		{"clock", "floor:7ms", "want exact, floor:UNIT or round:UNIT"},
		{"exp.synthesis", "exp+1s", "want none or CLAIM+DURATION"},
		{"exp.synthesis", "max(iat+1s)", "want none or CLAIM+DURATION"},
		{"exp.synthesis", "iat+1s|nbf+1s|iat+2s", "want none or CLAIM+DURATION"},
		{"depth-limit", "-1", "want a whole number"},
	} {
		var m Model
		if err := m.Set(tc.name, tc.value); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Set(%s, %s) = %v, want an error with %q", tc.name, tc.value, err, tc.want)
		}
	}
}

// TestParameters checks the parameters no built-in preset uses, each on
// the point where it changes the verdict.
func TestParameters(t *testing.T) {
	const sec = 1700000000
	at := func(s int64, ns int64) time.Time { return time.Unix(s, ns) }
	for _, tc := range []struct {
		settings []string
		payload  string
		q        Query
		want     Verdict
	}{
		{nil, `{"nbf":1700000000}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"nbf.boundary=exclusive"}, `{"nbf":1700000000}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.leeway=narrows"}, `{"exp":1700000010}`, Query{Now: at(sec, 0), Leeway: 10 * time.Second, SetLeeway: true}, Reject},
		{[]string{"exp.leeway=narrows"}, `{"exp":1700000011}`, Query{Now: at(sec, 0), Leeway: 10 * time.Second, SetLeeway: true}, Accept},
		{[]string{"exp.leeway=ignored"}, `{"exp":1699999999}`, Query{Now: at(sec, 0), Leeway: time.Minute, SetLeeway: true}, Reject},
		{[]string{"exp.leeway=ignored"}, `{"nbf":1700000059}`, Query{Now: at(sec, 0), Leeway: time.Minute, SetLeeway: true}, Accept},
		{[]string{"nbf.default-leeway=5m"}, `{"nbf":1700000299}`, Query{Now: at(sec, 0)}, Accept},
		{[]string{"nbf.default-leeway=5m"}, `{"exp":1700000000}`, Query{Now: at(sec, 0)}, Reject},
		{[]string{"clock=round:1s"}, `{"exp":1700000001}`, Query{Now: at(sec, 5e8), SetLeeway: true}, Reject},
		{[]string{"clock=round:1s"}, `{"exp":1700000001}`, Query{Now: at(sec, 499999999), SetLeeway: true}, Accept},
		{[]string{"clock=floor:1s"}, `{"exp":1700000000.5}`, Query{Now: at(sec, 9e8), SetLeeway: true}, Accept},
		{[]string{"clock=floor:1ms"}, `{"exp":1700000000.0005}`, Query{Now: at(sec, 9e5), SetLeeway: true}, Accept},
		{[]string{"instant=int32-seconds"}, `{"exp":4102444800}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"instant=trunc-seconds"}, `{"exp":1700000000.9}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"instant=floor-seconds"}, `{"nbf":-0.5}`, Query{Now: at(-1, 0), SetLeeway: true}, Accept},
		{[]string{"instant=trunc-seconds"}, `{"nbf":-0.5}`, Query{Now: at(-1, 0), SetLeeway: true}, Reject},
		{[]string{"instant=round-seconds"}, `{"exp":1700000000.5}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"instant=round-seconds"}, `{"exp":1700000000.4}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.required=yes"}, `{}`, Query{Now: at(sec, 0)}, Reject},
		{[]string{"exp.synthesis=iat+150s"}, `{"iat":1699999850}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.synthesis=iat+150s"}, `{"iat":1699999851}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"exp.synthesis=iat+150s", "exp.required=yes"}, `{"iat":1699999851}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"nbf.synthesis=exp-150s"}, `{"exp":1700000151}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		// hashicorp/cap: exp from the later of iat and nbf, nbf from iat or else exp.
		{[]string{"exp.synthesis=max(iat+150s,nbf+150s)"}, `{"iat":1699999800,"nbf":1699999849}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.synthesis=max(iat+150s,nbf+150s)"}, `{"iat":1699999800,"nbf":1699999851}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"exp.synthesis=max(iat+150s,nbf+150s)"}, `{"iat":1699999851,"nbf":1699999800}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"exp.synthesis=max(iat+150s,nbf+150s)"}, `{"nbf":1699999851}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"nbf.synthesis=iat+0s|exp-150s"}, `{"iat":1699999000,"exp":1700000151}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"nbf.synthesis=iat+0s|exp-150s"}, `{"exp":1700000151}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{nil, `{"exp":-5}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.non-positive=absent"}, `{"exp":-5}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"exp.non-positive=absent"}, `{"exp":-0}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"exp.non-positive=absent"}, `{"exp":0.5}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.non-positive=absent"}, `{"nbf":-5}`, Query{Now: at(-10, 0), SetLeeway: true}, Reject},
		{[]string{"nbf.non-positive=absent"}, `{"nbf":-5}`, Query{Now: at(-10, 0), SetLeeway: true}, Accept},
		{[]string{"exp.non-positive=absent", "exp.required=yes"}, `{"exp":0}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"exp.non-positive=absent", "instant=trunc-seconds"}, `{"exp":-0.5}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"duplicates=last", "exp.null=absent"}, `{"exp":1699999999,"exp":null}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"duplicates=last", "exp.null=absent", "duplicate-null=keeps-earlier"}, `{"exp":1699999999,"exp":null}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"duplicates=last", "exp.null=absent", "duplicate-null=keeps-earlier"}, `{"exp":1699999999,"exp":null,"exp":1700000001}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
		{[]string{"duplicates=last", "exp.null=absent", "duplicate-null=keeps-earlier", "names=case-fold"}, `{"exp":1699999999,"EXP":null}`, Query{Now: at(sec, 0), SetLeeway: true}, Reject},
		{[]string{"duplicates=last", "exp.null=absent", "duplicate-null=keeps-earlier"}, `{"exp":null,"exp":null}`, Query{Now: at(sec, 0), SetLeeway: true}, Accept},
	} {
		var m Model
		for _, s := range tc.settings {
			name, value, _ := strings.Cut(s, "=")
			if err := m.Set(name, value); err != nil {
				t.Fatal(err)
			}
		}
		if got := m.Judge([]byte(tc.payload), tc.q); got.Verdict != tc.want {
			t.Errorf("%v: %s at %s: %s %v, want %s", tc.settings, tc.payload, tc.q.Now.Format(time.RFC3339Nano), got.Verdict, got.Reasons, tc.want)
		}
	}
}

func TestAddNanos(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int64
		want string
	}{
		{"1699999850", 150e9, "1700000000"},
		{"0", -1, "-0.000000001"},
		{"1.5e-12", 1, "0.0000000010015"},
		{"-2", 1e9, "-1"},
		{"1e400", 1, "1e400"},
	} {
		if got := ParseDecimal(tc.in).addNanos(tc.n); got.Cmp(ParseDecimal(tc.want)) != 0 {
			t.Errorf("%s + %dns = %s, want %s", tc.in, tc.n, got, tc.want)
		}
	}
}

// TestCmpNanosAgreesWithCmp checks the allocation-free clock comparison
// against the exact one on the points where cutting could go wrong.
func TestCmpNanosAgreesWithCmp(t *testing.T) {
	lits := []string{"0", "-0", "1", "-1", "1e-9", "-1e-9", "1e-10", "-1e-10", "1.0000000001", "-1.0000000001",
		"1700000000", "1700000000.000000001", "1700000000.0000000005", "-1700000000.0000000005", "9.2e9", "9.3e9",
		"-9.3e9", "1e400", "-1e400", "1e-400", "123456789.123456789", "123456789.1234567891"}
	ns := []int64{0, 1, -1, 1e9, -1e9, 1700000000e9, 1700000000e9 + 1, 1000000000, 1000000001, -1000000001, 123456789123456789, 9e18, -9e18}
	for _, l := range lits {
		d := ParseDecimal(l)
		for _, n := range ns {
			if got, want := d.cmpNanos(n), d.Cmp(DecimalFromInt64Nanos(n)); got != want {
				t.Errorf("%s vs %dns: cmpNanos %d, Cmp %d", l, n, got, want)
			}
		}
	}
}

// TestSkipTimeChecksOnDecodeFailure checks the time-checks parameter on
// the outcomes measured from kataras/jwt v0.1.12's Verify at now
// 1700000000: which claims fail its typed decode, and which its fallback.
func TestSkipTimeChecksOnDecodeFailure(t *testing.T) {
	var m Model
	for _, s := range []string{"time-checks=skipped-on-decode-failure", "names=case-fold", "exp.null=absent", "duplicates=last"} {
		name, value, _ := strings.Cut(s, "=")
		if err := m.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	q := Query{Now: time.Unix(1700000000, 0), SetLeeway: true}
	for _, tc := range []struct {
		payload string
		want    string // the verdict, and the class of a rejection
	}{
		{`{"exp":1699996400}`, "reject/expired"},
		{`{"exp":1699996400.5}`, "accept"},
		{`{"exp":1699996400.0}`, "accept"},
		{`{"exp":1.7e9}`, "accept"},
		{`{"exp":-1.7e9}`, "accept"},
		{`{"exp":99999999999999999999}`, "accept"},
		{`{"exp":1e999}`, "accept"},
		{`{"exp":"1699996400"}`, "accept"},
		{`{"exp":"1e999"}`, "accept"},
		{`{"exp":"soon"}`, "reject/malformed_token"},
		{`{"exp":true}`, "reject/malformed_token"},
		{`{"exp":[1]}`, "reject/malformed_token"},
		{`{"nbf":{}}`, "reject/malformed_token"},
		{`{"Exp":1699996400.5}`, "accept"},
		{`{"exp":1.5,"exp":"soon"}`, "reject/malformed_token"},
		{`{"exp":"soon","exp":1.5}`, "reject/malformed_token"},
		{`{"exp":1.5,"exp":1699996400}`, "accept"},
		{`{"nbf":1700003600,"exp":1.5}`, "accept"},
		{`{"exp":1699996400,"iss":0}`, "accept"},
		{`{"exp":1699996400,"SUB":true}`, "accept"},
		{`{"exp":1699996400,"iss":null}`, "reject/expired"},
		{`{"exp":1699996400,"jti":7}`, "reject/malformed_token"},
		{`{"exp":1699996400,"origin_jti":7}`, "reject/malformed_token"},
		{`{"exp":1.5,"iss":0,"jti":"x"}`, "accept"},
		{`{"exp":1699996400,"aud":1}`, "reject/expired"},
		{`{"exp":1699996400,"aud":{}}`, "reject/expired"},
		{`{"exp":1699996400,"aud":["a",null]}`, "reject/expired"},
		{`{"exp":1699996400,"aud":["a",1]}`, "reject/malformed_token"},
		{`{"exp":1.5,"aud":[["a"]]}`, "reject/malformed_token"},
		{`{"exp":1699996400,"x":1.5,"ctx":{"exp":"soon"}}`, "reject/expired"},
	} {
		j := m.Judge([]byte(tc.payload), q)
		got := string(j.Verdict)
		if len(j.Classes) > 0 {
			got += "/" + string(j.Classes[0])
		}
		if got != tc.want || len(j.Classes) > 1 {
			t.Errorf("%s: %s %v %v, want %s", tc.payload, j.Verdict, j.Classes, j.Reasons, tc.want)
		}
	}
}
