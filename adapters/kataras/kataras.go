package kataras

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/kataras/jwt"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/kataras/jwt"

// clock serialises every use of jwt.Clock in this package. The harness
// already serialises calls on the adapter's GlobalState; this lock keeps a
// direct caller, such as a parallel test, race-free as well.
var clock sync.Mutex

// algs are the library's algorithms by JWS name.
var algs = map[string]jwt.Alg{
	"HS256": jwt.HS256,
	"RS256": jwt.RS256,
	"ES256": jwt.ES256,
	"EdDSA": jwt.EdDSA,
}

// adapter is jwt.Verify.
type adapter struct{}

// New is the kataras/jwt adapter: jwt.Verify(alg, key, token) with the
// clock set through jwt.Clock.
func New() adapters.Adapter { return adapter{} }

// Name implements adapters.Adapter.
func (adapter) Name() string { return "kataras-jwt/v0/verify" }

// Algorithms implements adapters.AlgorithmLister: the harness algorithms
// the library verifies, HS256 first because its signatures are
// deterministic, so every run signs the same tokens.
func (adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// GlobalState implements adapters.Global: the clock is jwt.Clock.
func (adapter) GlobalState() string { return modulePath + ".Clock" }

// Supports implements adapters.Adapter. jwt.Clock returns a time.Time, so
// the clock can be sub-second (validateClaims rounds it to the nearest
// second, claims.go:162).
//
// No leeway: jwt.Leeway(d) (leeway.go:13-23) rejects when
// Clock().Add(d).Round(time.Second).Unix() > exp, which moves the exp
// bound earlier by d: it shortens the window where RFC 7519 4.1.4's leeway
// lengthens it, it never touches nbf, and with no exp (Expiry 0) it
// rejects every token. No validator widens the window (Future(d) only
// forgives a future iat), so neither a leeway, not even an explicit zero,
// nor a narrowing one can be expressed as the contract means it. Claims
// cannot be required: required.go works on the caller's own struct tags,
// never on the standard claims Verify validates.
func (adapter) Supports(f adapters.Feature) bool {
	return f == adapters.FeatureSubSecondClock
}

// Verify implements adapters.Adapter.
func (a adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	alg, ok := algs[opts.Key.Alg]
	if !ok {
		return adapters.Rejected(adapters.Signature, fmt.Errorf("kataras/jwt adapter: no algorithm %q", opts.Key.Alg))
	}
	now := opts.Now
	clock.Lock()
	defer clock.Unlock()
	defer func(old func() time.Time) { jwt.Clock = old }(jwt.Clock)
	jwt.Clock = func() time.Time { return now }
	if _, err := jwt.Verify(alg, opts.Key.Public, []byte(token)); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
