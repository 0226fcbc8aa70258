package conformance

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
)

// MustHold is a check no profile can waive: whatever deviations a library
// declares, these outcomes are required, so a careless profile cannot hide
// the core of RFC 7519. Each carries its reason, as a table case must.
type MustHold struct {
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

var mustHolds = []MustHold{
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

// MustHolds lists every must-hold check, in a fixed order.
func MustHolds() []MustHold { return append(slices.Clip(mustHolds), badSignature) }

// Name is the check's stable name, the name of its subtest.
func (mh MustHold) Name() string { return mh.name }

// badSignature: a token whose signature does not verify is rejected.
var badSignature = MustHold{"bad-signature", `{"exp":1700003600}`, Defaults, 0, nil, adapters.Reject,
	"RFC 7515 5.2: a JWS whose signature does not validate MUST be rejected"}

// Check runs the check on a, each call bounded by timeout, and says what is
// wrong, or why it could not run (an option the adapter cannot express).
func (mh MustHold) Check(a adapters.Adapter, timeout time.Duration) (msg string, skipped bool) {
	c := oracle.Query{Now: mustHoldNow}
	if mh.mode == Explicit {
		c = oracle.Query{Now: mustHoldNow, Leeway: mh.leeway, SetLeeway: true, Require: mh.require}
	}
	token, key, err := Sign(a, []byte(mh.payload))
	if err != nil {
		return fmt.Sprintf("%s: %s", err, mh.reason), true
	}
	if mh.name == badSignature.name {
		// Flip the signature's first character: same length, wrong MAC.
		i := strings.LastIndexByte(token, '.') + 1
		flip := byte('A')
		if token[i] == 'A' {
			flip = 'B'
		}
		token = token[:i] + string(flip) + token[i+1:]
	}
	o := harness.Call(context.Background(), a, token, OptionsFor(c, key), timeout)
	if o.Verdict == adapters.Unsupported {
		return fmt.Sprintf("%s: %s", o.Error, mh.reason), true
	}
	if o.Verdict != mh.want {
		return fmt.Sprintf("%s [%s] %s: payload %s: got %s (%s), want %s\ntoken: %s", a.Name(), mh.mode, mh.reason, mh.payload, o, o.Error, mh.want, token), false
	}
	return "", false
}

// MustHoldNames lists the must-hold checks, for documentation.
func MustHoldNames() []string {
	var out []string
	for _, m := range mustHolds {
		out = append(out, fmt.Sprintf("%s: %s", m.name, m.reason))
	}
	return out
}
