// Package adaptertest is the contract test every adapter shim's test runs,
// with the signing and option helpers those tests share, so that no shim
// copies them. A shim's test calls Contract for each of its adapters and
// keeps only its library-specific cases in its own file:
//
//	func TestContract(t *testing.T) { adaptertest.Contract(t, mylib.New()) }
//
// Tokens are signed with the harness keys of internal/jws, the ones the
// suite itself verifies with, and every test uses the fixed clock Now.
package adaptertest

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// Now is the clock of every contract case; no test reads the wall clock.
var Now = time.Unix(1700000000, 0).UTC()

// At is a NumericDate d seconds from Now, for building payloads.
func At(d int64) string { return strconv.FormatInt(Now.Unix()+d, 10) }

// Sign is a compact JWS over the exact payload bytes with the harness key
// for alg.
func Sign(t testing.TB, alg, payload string) string {
	t.Helper()
	token, err := jws.SignAs(alg, []byte(payload))
	if err != nil {
		t.Fatalf("adaptertest: sign %s: %v", alg, err)
	}
	return token
}

// HS256 is Sign with HS256, which cannot fail.
func HS256(payload string) string { return jws.HS256([]byte(payload)) }

// Options are the options of a plain verification at Now with the harness
// key for alg, changed by each of with in turn.
func Options(t testing.TB, alg string, with ...func(*adapters.Options)) adapters.Options {
	t.Helper()
	s, err := jws.SignerFor(alg)
	if err != nil {
		t.Fatalf("adaptertest: key for %s: %v", alg, err)
	}
	o := adapters.Options{Now: Now, Key: adapters.Key{Alg: alg, Public: s.Public}}
	for _, f := range with {
		f(&o)
	}
	return o
}

// Leeway sets an explicit leeway.
func Leeway(d time.Duration) func(*adapters.Options) {
	return func(o *adapters.Options) { o.SetLeeway, o.Leeway = true, d }
}

// Require requires claims.
func Require(claims ...adapters.Claim) func(*adapters.Options) {
	return func(o *adapters.Options) { o.Require = claims }
}

// Case is one verification and the outcome it must give, as
// Outcome.String renders it ("accept", "reject/expired", "unsupported").
type Case struct {
	// Name names the subtest.
	Name string
	// Token is what the adapter verifies.
	Token string
	// Opts are the options it verifies with.
	Opts adapters.Options
	// Want is the outcome, as Outcome.String renders it.
	Want string
}

// Check runs each case as a subtest of t, failing when the outcome differs
// or when a rejection carries no error text.
func Check(t *testing.T, a adapters.Adapter, cases []Case) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			got := a.Verify(context.Background(), tc.Token, tc.Opts)
			if got.String() != tc.Want {
				t.Errorf("%s: Verify(%q) = %s (%q), want %s", a.Name(), tc.Token, got, got.Error, tc.Want)
			}
			if got.Verdict == adapters.Reject && got.Error == "" {
				t.Errorf("%s: Verify(%q) rejected with no error text", a.Name(), tc.Token)
			}
		})
	}
}

// far is an offset beyond any default leeway a library ships with (the
// largest known is go-oidc's five minutes), so the contract's expired and
// not-yet-valid tokens are rejected whatever the defaults.
//
// The tokens meant to be accepted carry an iat far in the past as well:
// some libraries require one (tink's ExpectIssuedInThePast) or, when nbf
// is missing, take the token to be valid only from iat, or from 150 s
// before exp when there is no iat either (hashicorp/cap).
const far = 3600

// Contract runs the checks every adapter must pass, a subtest each under
// the adapter's name: Module is read from build information; for each
// algorithm it declares (adapters.Algorithms) that the harness can sign,
// a valid token is accepted, a broken signature is rejected as signature,
// an expired one as expired and a not-yet-valid one as not_yet_valid; a
// required claim that is missing is rejected as missing_claim when the
// adapter supports requiring it; a supported leeway widens the validity
// window; a supported maximum age or lifetime rejects a token past it as
// too_old or lifetime_too_long and one without iat as missing_claim; and
// every option the adapter cannot express (adapters.Lacks)
// gives Unsupported before the library sees the token.
func Contract(t *testing.T, a adapters.Adapter) {
	t.Helper()
	t.Run(a.Name(), func(t *testing.T) {
		t.Run("module", func(t *testing.T) {
			t.Parallel()
			// Test binaries carry no dependency build info; ModuleOf falls
			// back to go.mod, so the version is known here too.
			if m := a.Module(); m.Path == "" || m.Version == "" || m.Version == "unknown" {
				t.Errorf("%s: Module() = %s, want a path and a known version", a.Name(), m)
			}
		})
		t.Run("algorithms", func(t *testing.T) { Check(t, a, algorithmCases(t, a)) })
		alg := signingAlg(t, a)
		t.Run("require", func(t *testing.T) { Check(t, a, requireCases(t, a, alg)) })
		t.Run("leeway", func(t *testing.T) { Check(t, a, leewayCases(t, a, alg)) })
		t.Run("policies", func(t *testing.T) { Check(t, a, policyCases(t, a, alg)) })
		t.Run("unsupported", func(t *testing.T) { Check(t, a, unsupportedCases(t, a, alg)) })
	})
}

// signingAlg is the first declared algorithm the harness can sign, as the
// suite chooses it.
func signingAlg(t *testing.T, a adapters.Adapter) string {
	t.Helper()
	for _, alg := range adapters.Algorithms(a) {
		if _, err := jws.SignerFor(alg); err == nil {
			return alg
		}
	}
	t.Fatalf("%s verifies %q; the harness has a key for none", a.Name(), adapters.Algorithms(a))
	return ""
}

func algorithmCases(t *testing.T, a adapters.Adapter) []Case {
	t.Helper()
	var cs []Case
	for _, alg := range adapters.Algorithms(a) {
		if _, err := jws.SignerFor(alg); err != nil {
			continue // the harness cannot sign it; the suite skips it too
		}
		good := Sign(t, alg, `{"iat":`+At(-far)+`,"exp":`+At(far)+`}`)
		opts := Options(t, alg)
		cs = append(cs,
			Case{alg + "/valid", good, opts, "accept"},
			Case{alg + "/bad-signature", breakSignature(good), opts, "reject/signature"},
			Case{alg + "/expired", Sign(t, alg, `{"exp":`+At(-far)+`}`), opts, "reject/expired"},
			Case{alg + "/not-yet-valid", Sign(t, alg, `{"exp":`+At(2*far)+`,"nbf":`+At(far)+`}`), opts, "reject/not_yet_valid"},
		)
	}
	return cs
}

// breakSignature changes the signature's first character: same length,
// and unlike its last, never only padding bits.
func breakSignature(token string) string {
	i := strings.LastIndexByte(token, '.') + 1
	flip := byte('A')
	if token[i] == 'A' {
		flip = 'B'
	}
	return token[:i] + string(flip) + token[i+1:]
}

func requireCases(t *testing.T, a adapters.Adapter, alg string) []Case {
	t.Helper()
	var cs []Case
	for _, c := range adapters.TimeClaims {
		if !a.Supports(adapters.RequireFeature(c)) {
			continue // unsupportedCases covers it
		}
		payload := `{"exp":` + At(far) + `}`
		if c == adapters.Exp {
			payload = `{"nbf":` + At(-far) + `}`
		}
		cs = append(cs, Case{"missing-" + string(c), Sign(t, alg, payload), Options(t, alg, Require(c)), "reject/missing_claim"})
	}
	return cs
}

// leewayCases check that a leeway widens the validity window: a token
// expired or not yet valid by 30 s is accepted with a leeway of 60 s.
func leewayCases(t *testing.T, a adapters.Adapter, alg string) []Case {
	t.Helper()
	if !a.Supports(adapters.FeatureLeeway) {
		return nil
	}
	expired := Sign(t, alg, `{"iat":`+At(-far)+`,"exp":`+At(-30)+`}`)
	early := Sign(t, alg, `{"iat":`+At(-far)+`,"exp":`+At(far)+`,"nbf":`+At(30)+`}`)
	return []Case{
		{"expired-within", expired, Options(t, alg, Leeway(time.Minute)), "accept"},
		{"expired-beyond", expired, Options(t, alg, Leeway(0)), "reject/expired"},
		{"not-yet-valid-within", early, Options(t, alg, Leeway(time.Minute)), "accept"},
		{"not-yet-valid-beyond", early, Options(t, alg, Leeway(0)), "reject/not_yet_valid"},
	}
}

// MaxAge sets a maximum token age.
func MaxAge(d time.Duration) func(*adapters.Options) {
	return func(o *adapters.Options) { o.MaxAge = d }
}

// MaxLifetime sets a maximum token lifetime (exp - iat).
func MaxLifetime(d time.Duration) func(*adapters.Options) {
	return func(o *adapters.Options) { o.MaxLifetime = d }
}

// policyCases check a supported maximum age and lifetime, bounds the
// caller states outside RFC 7519: inclusive, widened by the leeway, and
// needing their claims.
func policyCases(t *testing.T, a adapters.Adapter, alg string) []Case {
	t.Helper()
	var cs []Case
	lw := Leeway(0)
	if !a.Supports(adapters.FeatureLeeway) {
		lw = func(*adapters.Options) {}
	}
	if a.Supports(adapters.FeatureMaxAge) {
		age := func(payload string, with ...func(*adapters.Options)) (string, adapters.Options) {
			return Sign(t, alg, payload), Options(t, alg, append([]func(*adapters.Options){lw, MaxAge(time.Hour)}, with...)...)
		}
		fresh, freshOpts := age(`{"exp":` + At(far) + `,"iat":` + At(-far) + `}`)
		old, oldOpts := age(`{"exp":` + At(far) + `,"iat":` + At(-far-1) + `}`)
		none, noneOpts := age(`{"exp":` + At(far) + `}`)
		cs = append(cs,
			Case{"max-age-at-bound", fresh, freshOpts, "accept"},
			Case{"max-age-exceeded", old, oldOpts, "reject/too_old"},
			Case{"max-age-no-iat", none, noneOpts, "reject/missing_claim"})
	}
	if a.Supports(adapters.FeatureMaxLifetime) {
		life := func(payload string) (string, adapters.Options) {
			return Sign(t, alg, payload), Options(t, alg, lw, MaxLifetime(time.Hour))
		}
		within, withinOpts := life(`{"exp":` + At(far-60) + `,"iat":` + At(-60) + `}`)
		long, longOpts := life(`{"exp":` + At(far-59) + `,"iat":` + At(-60) + `}`)
		noExp, noExpOpts := life(`{"iat":` + At(-60) + `}`)
		cs = append(cs,
			Case{"max-lifetime-at-bound", within, withinOpts, "accept"},
			Case{"max-lifetime-exceeded", long, longOpts, "reject/lifetime_too_long"},
			Case{"max-lifetime-no-exp", noExp, noExpOpts, "reject/missing_claim"})
	}
	return cs
}

// unsupportedCases pass each option the adapter cannot express with a
// token that is not a JWS at all: an adapter that reached its library
// would reject it as malformed instead of answering Unsupported.
func unsupportedCases(t *testing.T, a adapters.Adapter, alg string) []Case {
	t.Helper()
	const garbage = "not a token"
	candidates := []struct {
		name string
		opts adapters.Options
	}{
		{"leeway", Options(t, alg, Leeway(0))},
		{"negative-leeway", Options(t, alg, Leeway(-time.Second))},
		{"subsecond-clock", Options(t, alg, func(o *adapters.Options) { o.Now = Now.Add(time.Millisecond) })},
		{"max-age", Options(t, alg, MaxAge(time.Hour))},
		{"max-lifetime", Options(t, alg, MaxLifetime(time.Hour))},
	}
	for _, c := range adapters.TimeClaims {
		candidates = append(candidates, struct {
			name string
			opts adapters.Options
		}{"require-" + string(c), Options(t, alg, Require(c))})
	}
	if bound, ok := adapters.MaxLeeway(a); ok {
		candidates = append(candidates, struct {
			name string
			opts adapters.Options
		}{"leeway-beyond-max", Options(t, alg, Leeway(bound+time.Second))})
	}
	var cs []Case
	for _, c := range candidates {
		if _, lacks := adapters.Lacks(a, c.opts); lacks {
			cs = append(cs, Case{c.name, garbage, c.opts, "unsupported"})
		}
	}
	return cs
}
