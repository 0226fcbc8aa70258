package jwxv3

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/lestrrat-go/jwx/v3"

// adapter is jwt.Parse with verification and validation, optionally under
// one jwt.Settings global.
type adapter struct {
	name string
	// set is the jwt.Settings option applied for the call; nil for the
	// library's defaults.
	set jwt.GlobalOption
}

// globalState names the package variables jwt.Settings writes, which
// every path of this package reads.
const globalState = modulePath + "/jwt.Settings"

// settingsMu serialises the calls of this package's paths, which all read
// the package variables jwt.Settings writes.
var settingsMu sync.Mutex

// defaultSettings are the library's defaults for what a path may change:
// jwt.Settings stores a precision only when one is passed (and pedantic
// mode whenever it is called).
var defaultSettings = []jwt.GlobalOption{
	jwt.WithNumericDateParsePrecision(0),
	jwt.WithNumericDateParsePedantic(false),
}

// GlobalState implements adapters.Global: the jwt.Settings globals.
func (adapter) GlobalState() string { return globalState }

// New is the jwx/v3 adapter: jwt.Parse with jwt.WithKey and an injected
// jwt.Clock, with the library's default settings.
func New() adapters.Adapter { return adapter{name: "jwx/v3/jwt"} }

// ParsePrecision9 is New under jwt.Settings(jwt.WithNumericDateParsePrecision(9)).
func ParsePrecision9() adapters.Adapter {
	return adapter{name: "jwx/v3/jwt-precision9", set: jwt.WithNumericDateParsePrecision(9)}
}

// ParsePedantic is New under jwt.Settings(jwt.WithNumericDateParsePedantic(true)).
func ParsePedantic() adapters.Adapter {
	return adapter{name: "jwx/v3/jwt-pedantic", set: jwt.WithNumericDateParsePedantic(true)}
}

// Name implements adapters.Adapter.
func (a adapter) Name() string { return a.name }

// Algorithms implements adapters.AlgorithmLister: the harness algorithms
// the library verifies, HS256 first because its signatures are
// deterministic, so every run signs the same tokens.
func (adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Supports implements adapters.Adapter: WithAcceptableSkew sets a leeway
// (jwt.Validate refuses a negative one), WithClock takes a time.Time, and
// WithRequiredClaim requires any claim.
// WithMaxDelta(d, "", IssuedAtKey) bounds the age now - iat and
// WithMaxDelta(d, ExpirationKey, IssuedAtKey) the lifetime exp - iat, each
// requiring its claims and widened by the skew (jwt/validate.go,
// isInTimeRange).
func (adapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureLeeway, adapters.FeatureSubSecondClock,
		adapters.FeatureRequireExp, adapters.FeatureRequireNbf, adapters.FeatureRequireIat,
		adapters.FeatureMaxAge, adapters.FeatureMaxLifetime:
		return true
	}
	return false
}

// Verify implements adapters.Adapter.
func (a adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	alg, ok := jwa.LookupSignatureAlgorithm(opts.Key.Alg)
	if !ok {
		return adapters.Rejected(adapters.Signature, fmt.Errorf("jwx/v3: no signature algorithm %q", opts.Key.Alg))
	}
	now := opts.Now
	popts := []jwt.ParseOption{
		jwt.WithKey(alg, opts.Key.Public),
		jwt.WithClock(jwt.ClockFunc(func() time.Time { return now })),
	}
	if opts.SetLeeway {
		popts = append(popts, jwt.WithAcceptableSkew(opts.Leeway))
	}
	for _, c := range opts.Require {
		popts = append(popts, jwt.WithRequiredClaim(string(c)))
	}
	if opts.MaxAge > 0 {
		// An empty claim name stands for the clock.
		popts = append(popts, jwt.WithMaxDelta(opts.MaxAge, "", jwt.IssuedAtKey))
	}
	if opts.MaxLifetime > 0 {
		popts = append(popts, jwt.WithMaxDelta(opts.MaxLifetime, jwt.ExpirationKey, jwt.IssuedAtKey))
	}
	// Every path reads the jwt.Settings globals, so every call holds
	// settingsMu: the harness serialises calls by GlobalState, and this
	// lock covers callers that bypass it (the contract test's parallel
	// subtests).
	settingsMu.Lock()
	defer settingsMu.Unlock()
	if a.set != nil {
		jwt.Settings(a.set)
		// jwt.Settings has no getter and resets every setting not passed
		// to it, so the defaults are restored, which is what every
		// other path of this package runs under.
		defer jwt.Settings(defaultSettings...)
	}
	if _, err := jwt.Parse([]byte(token), popts...); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
