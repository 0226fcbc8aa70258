package golangjwtv4

import (
	"context"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/jwtconform/jwtconform/adapters"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/golang-jwt/jwt/v4"

// clockState names the package variable the adapters set.
const clockState = modulePath + ".TimeFunc"

// clock serialises every use of jwt.TimeFunc in this package. The harness
// already serialises calls on clockState (adapters.Global); this lock keeps
// a direct caller, such as a parallel test, race-free as well.
var clock sync.Mutex

// parseFunc is one of the library's parse entry points.
type parseFunc func(p *jwt.Parser, token string, keyFunc jwt.Keyfunc) error

// adapter is one verification path through golang-jwt v4.
type adapter struct {
	name  string
	parse parseFunc
}

// MapClaims is jwt.Parse into the default MapClaims, as in the README.
func MapClaims() adapters.Adapter {
	return &adapter{name: "golang-jwt/v4/mapclaims", parse: parseMap}
}

// Registered is jwt.ParseWithClaims into a *jwt.RegisteredClaims.
func Registered() adapters.Adapter {
	return &adapter{name: "golang-jwt/v4/registered", parse: parseRegistered}
}

func parseMap(p *jwt.Parser, token string, keyFunc jwt.Keyfunc) error {
	_, err := p.Parse(token, keyFunc)
	return err
}

func parseRegistered(p *jwt.Parser, token string, keyFunc jwt.Keyfunc) error {
	_, err := p.ParseWithClaims(token, &jwt.RegisteredClaims{}, keyFunc)
	return err
}

// Name implements adapters.Adapter.
func (a *adapter) Name() string { return a.name }

// Algorithms implements adapters.AlgorithmLister: the harness algorithms
// the library verifies, HS256 first because its signatures are
// deterministic, so every run signs the same tokens.
func (a *adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (a *adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// GlobalState implements adapters.Global: the clock is jwt.TimeFunc.
func (a *adapter) GlobalState() string { return clockState }

// Supports implements adapters.Adapter. Claims.Valid takes no options
// (claims.go, map_claims.go: "There is no accounting for clock skew", every
// claim verified with req false) and v4's ParserOptions are only
// WithValidMethods, WithJSONNumber and WithoutClaimsValidation
// (parser_option.go), so neither a leeway, not even an explicit zero, nor
// a required claim can be expressed. TimeFunc returns a time.Time, so the
// clock can be sub-second.
func (a *adapter) Supports(f adapters.Feature) bool {
	return f == adapters.FeatureSubSecondClock
}

// Verify implements adapters.Adapter.
func (a *adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	key := opts.Key.Public
	keyFunc := func(*jwt.Token) (any, error) { return key, nil }
	p := jwt.NewParser(jwt.WithValidMethods([]string{opts.Key.Alg}))
	now := opts.Now
	clock.Lock()
	defer clock.Unlock()
	defer func(old func() time.Time) { jwt.TimeFunc = old }(jwt.TimeFunc)
	jwt.TimeFunc = func() time.Time { return now }
	if err := a.parse(p, token, keyFunc); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
