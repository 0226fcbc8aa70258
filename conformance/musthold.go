package conformance

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// mustHold is a check no profile can waive: whatever deviations a library
// declares, these outcomes are required, so a careless profile cannot hide
// the core of RFC 7519. Each carries its reason, as a table case must.
type mustHold struct {
	name    string
	payload string
	mode    Mode
	leeway  time.Duration
	require []adapters.Claim
	want    adapters.Verdict
	reason  string
}

// mustHoldNow is the clock of the must-hold checks.
var mustHoldNow = time.Unix(1700000000, 0).UTC()

var mustHolds = []mustHold{
	{"expired-by-a-second", `{"exp":1699999999}`, Explicit, 0, nil, adapters.Reject,
		"RFC 7519 4.1.4: with leeway 0, a token whose exp is a whole second past MUST be rejected"},
	{"expired-by-an-hour-by-default", `{"exp":1699996400}`, Defaults, 0, nil, adapters.Reject,
		"RFC 7519 4.1.4: leeway is 'usually no more than a few minutes'; no default may accept an hour"},
	{"not-before-in-a-second", `{"nbf":1700000001}`, Explicit, 0, nil, adapters.Reject,
		"RFC 7519 4.1.5: with leeway 0, a token whose nbf is a second ahead MUST be rejected"},
	{"not-before-in-an-hour-by-default", `{"nbf":1700003600}`, Defaults, 0, nil, adapters.Reject,
		"RFC 7519 4.1.5: no default leeway may cover an hour"},
	{"valid-window", `{"iat":1699996400,"nbf":1699996400,"exp":1700003600}`, Explicit, 0, nil, adapters.Accept,
		"RFC 7519 4.1.4-4.1.6: a plainly valid token MUST be accepted"},
	{"valid-window-by-default", `{"iat":1699996400,"nbf":1699996400,"exp":1700003600}`, Defaults, 0, nil, adapters.Accept,
		"RFC 7519 4.1.4-4.1.6: a plainly valid token MUST be accepted out of the box"},
	{"required-exp-missing", `{"nbf":1699996400}`, Explicit, 0, []adapters.Claim{adapters.Exp}, adapters.Reject,
		"an application that requires exp MUST NOT accept a token without one"},
}

// checkMustHold runs the must-hold list against a.
func checkMustHold(t *testing.T, a adapters.Adapter) {
	t.Helper()
	for _, mh := range mustHolds {
		t.Run(mh.name, func(t *testing.T) {
			c := Check{Now: mustHoldNow}
			if mh.mode == Explicit {
				c = Check{Now: mustHoldNow, Leeway: mh.leeway, SetLeeway: true, Require: mh.require}
			}
			token := jws.HS256([]byte(mh.payload))
			o := Call(context.Background(), a, token, c.Options(), callTimeout())
			if o.Verdict == adapters.Unsupported {
				t.Skipf("%s: %s", o.Error, mh.reason)
			}
			if o.Verdict != mh.want {
				t.Errorf("%s [%s] %s: payload %s: got %s (%s), want %s\ntoken: %s", a.Name(), mh.mode, mh.reason, mh.payload, o, o.Error, mh.want, token)
			}
		})
	}
	t.Run("bad-signature", func(t *testing.T) {
		token := jws.HS256([]byte(`{"exp":1700003600}`))
		token = token[:strings.LastIndexByte(token, '.')+1] + "AAAA" + token[len(token)-4:]
		o := Call(context.Background(), a, token, Check{Now: mustHoldNow}.Options(), callTimeout())
		if o.Verdict != adapters.Reject {
			t.Errorf("%s: a token with a broken signature gave %s, want reject: %s", a.Name(), o, token)
		}
	})
}

// MustHoldNames lists the must-hold checks, for documentation.
func MustHoldNames() []string {
	var out []string
	for _, m := range mustHolds {
		out = append(out, fmt.Sprintf("%s: %s", m.name, m.reason))
	}
	return out
}
