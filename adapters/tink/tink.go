package tink

import (
	"context"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/tink-crypto/tink-go/v2/jwt"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/tink-crypto/tink-go/v2"

// maxClockSkew is the largest ValidatorOpts.ClockSkew jwt.NewValidator
// takes (jwtMaxClockSkewMinutes in jwt/jwt_validator.go).
const maxClockSkew = 10 * time.Minute

// adapter is one validator configuration.
type adapter struct {
	name string
	// allowMissingExp sets AllowMissingExpiration unless exp is required.
	allowMissingExp bool
	// iatInPast sets ExpectIssuedInThePast.
	iatInPast bool
}

// Default is the validator with tink's defaults: exp required and checked,
// nbf checked, iat ignored.
func Default() adapters.Adapter { return adapter{name: "tink/v2/jwt"} }

// AllowMissingExpiration is the validator with AllowMissingExpiration.
func AllowMissingExpiration() adapters.Adapter {
	return adapter{name: "tink/v2/allow-missing-exp", allowMissingExp: true}
}

// ExpectIssuedInThePast is the validator with ExpectIssuedInThePast, which
// requires iat and rejects one after now plus the clock skew.
func ExpectIssuedInThePast() adapters.Adapter {
	return adapter{name: "tink/v2/iat-in-past", iatInPast: true}
}

// Name implements adapters.Adapter.
func (a adapter) Name() string { return a.name }

// Algorithms implements adapters.AlgorithmLister: HS256 first because its
// signatures are deterministic, then the public-key algorithms the JWK set
// conversion imports.
func (adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// MaxLeeway implements adapters.LeewayBounder: jwt.NewValidator refuses a
// ClockSkew over ten minutes.
func (adapter) MaxLeeway() time.Duration { return maxClockSkew }

// Supports implements adapters.Adapter. ClockSkew moves both bounds by its
// value with its sign, so a negative one narrows the window; FixedNow takes
// any time.Time. Requiring exp is AllowMissingExpiration left false, the
// default; requiring iat is ExpectIssuedInThePast, which also checks iat,
// so only the validator that sets it anyway can express it; nothing
// requires nbf.
func (a adapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureLeeway, adapters.FeatureNegativeLeeway, adapters.FeatureSubSecondClock, adapters.FeatureRequireExp:
		return true
	case adapters.FeatureRequireIat:
		return a.iatInPast
	}
	return false
}

// Verify implements adapters.Adapter.
func (a adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	vo := &jwt.ValidatorOpts{
		IgnoreTypeHeader:       true,
		IgnoreAudiences:        true,
		IgnoreIssuer:           true,
		AllowMissingExpiration: a.allowMissingExp,
		ExpectIssuedInThePast:  a.iatInPast,
		FixedNow:               opts.Now,
	}
	for _, c := range opts.Require {
		if c == adapters.Exp {
			vo.AllowMissingExpiration = false
		}
	}
	if opts.SetLeeway {
		vo.ClockSkew = opts.Leeway
	}
	validator, err := jwt.NewValidator(vo)
	if err != nil {
		return adapters.Rejected(adapters.Other, err)
	}
	verify, err := verifierFor(opts.Key)
	if err != nil {
		return adapters.Rejected(adapters.KeyRefused, err)
	}
	if err := verify(token, validator); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
