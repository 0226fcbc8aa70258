package squarejose

import (
	"context"
	"errors"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"gopkg.in/square/go-jose.v2/jwt"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "gopkg.in/square/go-jose.v2"

// adapter is one way to validate square go-jose v2 claims.
type adapter struct {
	name   string
	leeway bool // ValidateWithLeeway instead of Validate
}

// Validate is Claims.Validate, with the built-in DefaultLeeway; it cannot
// express any other leeway.
func Validate() adapters.Adapter { return adapter{name: "square/go-jose.v2/validate"} }

// Leeway is Claims.ValidateWithLeeway. In defaults mode (no leeway set) it
// passes a leeway of zero, as package gojose does for v4.
func Leeway() adapters.Adapter { return adapter{name: "square/go-jose.v2/leeway", leeway: true} }

// Name implements adapters.Adapter.
func (a adapter) Name() string { return a.name }

// Deprecated implements adapters.Deprecation.
func (adapter) Deprecated() string {
	return "archived: gopkg.in/square/go-jose.v2 is archived and unmaintained; its successor is github.com/go-jose/go-jose"
}

// Algorithms implements adapters.AlgorithmLister: the harness algorithms
// the library verifies, HS256 first because its signatures are
// deterministic, so every run signs the same tokens.
func (adapter) Algorithms() []string { return []string{"HS256", "RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Supports implements adapters.Adapter. jwt.Expected has no way to require
// a claim: an absent exp, nbf or iat is never checked.
func (a adapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureSubSecondClock:
		return true
	case adapters.FeatureLeeway:
		return a.leeway
	}
	return false
}

// errZeroClock explains why a zero clock reading cannot be passed on.
var errZeroClock = errors.New("with a zero jwt.Expected.Time, square go-jose v2 skips every time check (jwt/validation.go), so the instant 0001-01-01T00:00:00Z cannot be tested")

// Verify implements adapters.Adapter.
func (a adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	if opts.Now.IsZero() {
		// Never happens with real vectors.
		return adapters.Outcome{Verdict: adapters.Unsupported, Error: errZeroClock.Error()}
	}
	tok, err := jwt.ParseSigned(token)
	if err != nil {
		return adapters.Rejected(classify(stepParse, err), err)
	}
	var claims jwt.Claims
	if err := tok.Claims(opts.Key.Public, &claims); err != nil {
		return adapters.Rejected(classify(stepClaims, err), err)
	}
	expected := jwt.Expected{Time: opts.Now}
	if a.leeway {
		var leeway time.Duration
		if opts.SetLeeway {
			leeway = opts.Leeway
		}
		err = claims.ValidateWithLeeway(expected, leeway)
	} else {
		err = claims.Validate(expected)
	}
	if err != nil {
		return adapters.Rejected(classify(stepValidate, err), err)
	}
	return adapters.Accepted()
}
