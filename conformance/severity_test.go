package conformance

import (
	"errors"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

func TestGrade(t *testing.T) {
	t.Parallel()
	now := time.Unix(1700000000, 0)
	explicit0 := oracle.Query{Now: now, SetLeeway: true}
	defaults := oracle.Query{Now: now}
	maxAge := oracle.Query{Now: now, SetLeeway: true, MaxAge: time.Hour}
	maxLifetime := oracle.Query{Now: now, SetLeeway: true, MaxLifetime: time.Hour}
	accept := adapters.Accepted()
	refused := adapters.Rejected(adapters.KeyRefused, errors.New("key too short"))
	for _, tc := range []struct {
		name, rule string
		payload    string
		q          oracle.Query
		o          adapters.Outcome
		want       Severity
	}{
		{"agrees", "", `{"exp":1699999000}`, explicit0, adapters.Rejected(adapters.Expired, nil), None},
		{"unsupported", "", `{"exp":1699999000}`, explicit0, adapters.NotSupported(adapters.FeatureLeeway), None},
		{"panic", "fails unsafely", `{"exp":1800000000}`, explicit0, adapters.Outcome{Verdict: adapters.Panic}, Security},
		{"timeout", "fails unsafely", `{"exp":1800000000}`, defaults, adapters.Outcome{Verdict: adapters.Timeout}, Security},
		// A refused key is a policy whatever the claims: RFC 7518 3.2.
		{"key refused, claims valid", "key refused", `{"exp":1800000000}`, explicit0, refused, Policy},
		{"key refused, claims expired", "key refused", `{"exp":1699999000}`, explicit0, refused, Policy},
		{"either: duplicate exp", "either", `{"exp":1699999000,"exp":1800000000}`, explicit0, accept, Info},
		{"iat checked", "claim required or iat checked", `{"iat":1700000100}`, explicit0, adapters.Rejected(adapters.IssuedInFuture, nil), Policy},
		{"exp required by default", "claim required or iat checked", `{"nbf":1690000000}`, defaults, adapters.Rejected(adapters.MissingClaim, nil), Policy},
		{"rejects valid", "rejects valid", `{"exp":1700000001}`, explicit0, adapters.Rejected(adapters.Expired, nil), Interop},
		{"accepts at exp", "within permitted leeway", `{"exp":1700000000}`, explicit0, accept, Policy},
		{"default leeway of a minute", "within permitted leeway", `{"exp":1699999940}`, defaults, accept, Policy},
		{"five minutes late", "within permitted leeway", `{"exp":1699999700}`, defaults, accept, Policy},
		{"five minutes and a second late", "accepts invalid", `{"exp":1699999699}`, defaults, accept, Security},
		{"nbf an hour ahead", "accepts invalid", `{"nbf":1700003600}`, explicit0, accept, Security},
		{"invalid UTF-8, valid time", "lenient parsing, no time consequence", "{\"sub\":\"\xff\",\"exp\":1800000000}", explicit0, accept, Lenient},
		{"invalid UTF-8, expired", "accepts invalid", "{\"sub\":\"\xff\",\"exp\":1600000000}", explicit0, accept, Security},
		{"quoted future exp", "lenient parsing, no time consequence", `{"exp":"1800000000"}`, explicit0, accept, Lenient},
		{"quoted expired exp", "accepts invalid", `{"exp":"1600000000"}`, explicit0, accept, Security},
		{"null exp read as absent", "lenient parsing, no time consequence", `{"exp":null}`, explicit0, accept, Lenient},
		{"exp a boolean", "accepts invalid", `{"exp":true}`, explicit0, accept, Security},
		// A maximum age or lifetime the caller asked for is a time bound
		// like exp: a library past it by up to five minutes beyond the
		// leeway is a policy, further a fail-open.
		{"max age kept", "", `{"iat":1699996400}`, maxAge, accept, None},
		{"max age exceeded by five minutes", "within permitted leeway", `{"iat":1699996100}`, maxAge, accept, Policy},
		{"max age exceeded by five minutes and a second", "accepts invalid", `{"iat":1699996099}`, maxAge, accept, Security},
		{"max age without iat", "accepts invalid", `{"exp":1800000000}`, maxAge, accept, Security},
		{"max age enforced too soon", "rejects valid", `{"iat":1699996400}`, maxAge, adapters.Rejected(adapters.TooOld, nil), Interop},
		{"max age not passed in the defaults mode", "", `{"iat":1600000000}`, defaults, accept, None},
		{"max lifetime exceeded by a minute", "within permitted leeway", `{"iat":1700000000,"exp":1700003660}`, maxLifetime, accept, Policy},
		{"max lifetime exceeded by an hour", "accepts invalid", `{"iat":1700000000,"exp":1700007200}`, maxLifetime, accept, Security},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			payload := []byte(tc.payload)
			g := Graded{payload, tc.q, tc.o, oracle.Judge(payload, tc.q.RFC())}
			got, rule := None, ""
			if r := RuleFor(g); r != nil {
				got, rule = r.Severity, r.Name
			}
			if got != tc.want || rule != tc.rule {
				t.Errorf("%s at %v: outcome %s, RFC %s: graded %q by rule %q, want %q by rule %q",
					tc.payload, tc.q, tc.o, g.RFC.Verdict, got, rule, tc.want, tc.rule)
			}
			if g := Grade(payload, tc.q, tc.o, g.RFC); g != got {
				t.Errorf("Grade = %q, RuleFor gives %q", g, got)
			}
		})
	}
}

// TestRulesDocumented: every rule has a name, a doc and a severity, and no
// two rules share a name, since the README lists them by name.
func TestRulesDocumented(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.Name == "" || r.Doc == "" || r.Severity == None || r.Applies == nil || seen[r.Name] {
			t.Errorf("rule %q: needs a unique name, a doc, a severity and a test", r.Name)
		}
		seen[r.Name] = true
	}
}

func TestSeverityRank(t *testing.T) {
	t.Parallel()
	for i := 1; i < len(Severities); i++ {
		if !Severities[i-1].Worse(Severities[i]) || Severities[i].Worse(Severities[i-1]) {
			t.Errorf("%s should be worse than %s", Severities[i-1], Severities[i])
		}
	}
	if !Info.Worse(None) || None.Worse(Info) {
		t.Error("every severity is worse than none")
	}
}

func TestGradePaddedToken(t *testing.T) {
	q := oracle.Query{Now: time.Unix(1700000000, 0)}
	token := oracle.Judgement{Verdict: oracle.Reject, Classes: []adapters.Class{adapters.MalformedToken}}
	accept := adapters.Outcome{Verdict: adapters.Accept}
	for _, tc := range []struct {
		name    string
		payload string
		o       adapters.Outcome
		want    Severity
	}{
		{"valid claims accepted: the encoding alone", `{"exp":1700000060}`, accept, Lenient},
		{"claims within the permitted leeway: still the encoding", `{"exp":1699999990}`, accept, Lenient},
		{"claims expired an hour ago: graded as the claims", `{"exp":1699996400}`, accept, Security},
		{"rejected", `{"exp":1700000060}`, adapters.Outcome{Verdict: adapters.Reject, Class: adapters.MalformedToken}, None},
		{"panicked", `{"exp":1700000060}`, adapters.Outcome{Verdict: adapters.Panic}, Security},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := GradePaddedToken([]byte(tc.payload), q, tc.o, token); got != tc.want {
				t.Errorf("GradePaddedToken(%s, %s) = %q, want %q", tc.payload, tc.o, got, tc.want)
			}
		})
	}
}
