package jwx

import (
	"context"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/lestrrat-go/jwx/v2"

// adapter is jwt.Parse with verification and validation, optionally with
// an option that changes verdicts.
type adapter struct {
	name string
	// truncation0 passes jwt.WithTruncation(0): the clock and the claims
	// are compared to the nanosecond instead of to the second.
	truncation0 bool
}

// New is the jwx/v2 adapter: jwt.Parse with jwt.WithKey, jwt.WithValidate(true)
// and an injected jwt.Clock.
func New() adapters.Adapter { return adapter{name: "jwx/v2/jwt"} }

// Truncation0 is New with jwt.WithTruncation(0), the per-call option that
// turns off validation's default truncation to whole seconds.
func Truncation0() adapters.Adapter {
	return adapter{name: "jwx/v2/jwt-truncation0", truncation0: true}
}

// Name implements adapters.Adapter.
func (a adapter) Name() string { return a.name }

// Algorithms implements adapters.AlgorithmLister: the harness algorithms
// the library verifies, HS256 first because its signatures are
// deterministic, so every run signs the same tokens.
func (adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Supports implements adapters.Adapter: WithAcceptableSkew sets a leeway,
// WithClock takes a time.Time, and WithRequiredClaim requires any claim.
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
	now := opts.Now
	popts := []jwt.ParseOption{
		jwt.WithKey(jwa.SignatureAlgorithm(opts.Key.Alg), opts.Key.Public),
		jwt.WithValidate(true),
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
	if a.truncation0 {
		popts = append(popts, jwt.WithTruncation(0))
	}
	if _, err := jwt.Parse([]byte(token), popts...); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
