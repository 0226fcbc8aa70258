package golangjwt

import (
	"context"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jwtconform/jwtconform/adapters"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/golang-jwt/jwt/v5"

// parseFunc is one of the library's parse entry points.
type parseFunc func(token string, keyFunc jwt.Keyfunc, opts ...jwt.ParserOption) error

// precision guards the package variable jwt.TimePrecision, which every
// NumericDate the library builds reads (types.go: NewNumericDate). The
// adapter that sets it holds it for writing, for the whole call; every
// other adapter and the minter hold it for reading, so they never see
// another adapter's setting and never race with it.
var precision sync.RWMutex

// adapter is one verification path through golang-jwt.
type adapter struct {
	name       string
	parse      parseFunc
	issuedAt   bool          // always pass jwt.WithIssuedAt
	jsonNumber bool          // always pass jwt.WithJSONNumber
	precision  time.Duration // jwt.TimePrecision during the call; 0 leaves it alone
}

// MapClaims is jwt.Parse into the default MapClaims, as in the README.
func MapClaims() adapters.Adapter {
	return &adapter{name: "golang-jwt/v5/mapclaims", parse: parseMap}
}

// Registered is jwt.ParseWithClaims into a *jwt.RegisteredClaims.
func Registered() adapters.Adapter {
	return &adapter{name: "golang-jwt/v5/registered", parse: parseRegistered}
}

// RegisteredIssuedAt is Registered with jwt.WithIssuedAt always set, so that
// an iat in the future is rejected.
func RegisteredIssuedAt() adapters.Adapter {
	return &adapter{name: "golang-jwt/v5/registered-iat", parse: parseRegistered, issuedAt: true}
}

// MapClaimsJSONNumber is MapClaims with jwt.WithJSONNumber, the parser
// option that decodes numbers as json.Number rather than float64.
func MapClaimsJSONNumber() adapters.Adapter {
	return &adapter{name: "golang-jwt/v5/mapclaims-jsonnumber", parse: parseMap, jsonNumber: true}
}

// MapClaimsMillis is MapClaims with the package variable jwt.TimePrecision
// set to a millisecond during each call (and restored after it), as a
// program that wants sub-second NumericDates sets it.
func MapClaimsMillis() adapters.Adapter {
	return globalAdapter{&adapter{name: "golang-jwt/v5/mapclaims-ms", parse: parseMap, precision: time.Millisecond}}
}

// globalAdapter is an adapter that sets package state.
type globalAdapter struct{ *adapter }

// GlobalState implements adapters.Global: the adapter sets
// jwt.TimePrecision.
func (globalAdapter) GlobalState() string { return modulePath + ".TimePrecision" }

func parseMap(token string, keyFunc jwt.Keyfunc, opts ...jwt.ParserOption) error {
	_, err := jwt.Parse(token, keyFunc, opts...)
	return err
}

func parseRegistered(token string, keyFunc jwt.Keyfunc, opts ...jwt.ParserOption) error {
	_, err := jwt.ParseWithClaims(token, &jwt.RegisteredClaims{}, keyFunc, opts...)
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

// Supports implements adapters.Adapter. The validator has no option to
// require iat: WithIssuedAt checks a present iat but never requires one.
func (a *adapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureLeeway, adapters.FeatureSubSecondClock,
		adapters.FeatureRequireExp, adapters.FeatureRequireNbf:
		return true
	}
	return false
}

// Verify implements adapters.Adapter.
func (a *adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	now := opts.Now
	popts := []jwt.ParserOption{
		jwt.WithTimeFunc(func() time.Time { return now }),
		jwt.WithValidMethods([]string{opts.Key.Alg}),
	}
	if opts.SetLeeway {
		popts = append(popts, jwt.WithLeeway(opts.Leeway))
	}
	for _, c := range opts.Require {
		switch c {
		case adapters.Exp:
			popts = append(popts, jwt.WithExpirationRequired())
		case adapters.Nbf:
			popts = append(popts, jwt.WithNotBeforeRequired())
		}
	}
	if a.issuedAt {
		popts = append(popts, jwt.WithIssuedAt())
	}
	if a.jsonNumber {
		popts = append(popts, jwt.WithJSONNumber())
	}
	if a.precision != 0 {
		precision.Lock()
		defer precision.Unlock()
		defer func(old time.Duration) { jwt.TimePrecision = old }(jwt.TimePrecision)
		jwt.TimePrecision = a.precision
	} else {
		precision.RLock()
		defer precision.RUnlock()
	}
	key := opts.Key.Public
	keyFunc := func(*jwt.Token) (any, error) { return key, nil }
	if err := a.parse(token, keyFunc, popts...); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
