package jwtgo

import (
	"context"
	"sync"
	"time"

	jwt "github.com/dgrijalva/jwt-go"
	"github.com/jwtconform/jwtconform/adapters"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/dgrijalva/jwt-go"

// clock serialises every use of jwt.TimeFunc in this package. The harness
// already serialises calls on the adapter's GlobalState; this lock keeps a
// direct caller, such as a parallel test, race-free as well.
var clock sync.Mutex

// adapter is jwt.Parser.Parse into MapClaims.
type adapter struct{}

// MapClaims is Parse into the default MapClaims, as in the README.
func MapClaims() adapters.Adapter { return adapter{} }

// Name implements adapters.Adapter.
func (adapter) Name() string { return "jwt-go/v3/mapclaims" }

// Deprecated implements adapters.Deprecation.
func (adapter) Deprecated() string {
	return "archived, unmaintained: use github.com/golang-jwt/jwt/v5"
}

// Algorithms implements adapters.AlgorithmLister: the harness algorithms
// the library verifies, HS256 first because its signatures are
// deterministic, so every run signs the same tokens. v3.2.0 has no
// EdDSA (it came with golang-jwt v3.2.1's ed25519.go).
func (adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// GlobalState implements adapters.Global: the clock is jwt.TimeFunc.
func (adapter) GlobalState() string { return modulePath + ".TimeFunc" }

// Supports implements adapters.Adapter. MapClaims.Valid takes no options
// and verifies every claim with req false (map_claims.go: "There is no
// accounting for clock skew"), and the Parser has no leeway field
// (parser.go), so neither a leeway, not even an explicit zero, nor a
// required claim can be expressed. TimeFunc returns a time.Time, so the
// clock can be sub-second (Valid then floors it with Unix()).
func (adapter) Supports(f adapters.Feature) bool {
	return f == adapters.FeatureSubSecondClock
}

// Verify implements adapters.Adapter.
func (a adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	key := opts.Key.Public
	p := &jwt.Parser{ValidMethods: []string{opts.Key.Alg}}
	now := opts.Now
	clock.Lock()
	defer clock.Unlock()
	defer func(old func() time.Time) { jwt.TimeFunc = old }(jwt.TimeFunc)
	jwt.TimeFunc = func() time.Time { return now }
	if _, err := p.Parse(token, func(*jwt.Token) (any, error) { return key, nil }); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
