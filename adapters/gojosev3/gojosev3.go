package gojosev3

import (
	"context"
	"errors"
	"time"

	"github.com/go-jose/go-jose/v3/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/go-jose/go-jose/v3"

// adapter is one way to validate go-jose v3 claims.
type adapter struct {
	name   string
	leeway bool // ValidateWithLeeway instead of Validate
}

// Validate is Claims.Validate, with go-jose's built-in DefaultLeeway; it
// cannot express any other leeway.
func Validate() adapters.Adapter { return adapter{name: "go-jose/v3/validate"} }

// Leeway is Claims.ValidateWithLeeway. In defaults mode (no leeway set) it
// passes a leeway of zero: a caller of ValidateWithLeeway must pass some
// value, and zero is the one the method's documentation suggests for exact
// checking.
func Leeway() adapters.Adapter { return adapter{name: "go-jose/v3/leeway", leeway: true} }

// Name implements adapters.Adapter.
func (a adapter) Name() string { return a.name }

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
var errZeroClock = errors.New("jwt.Expected treats a zero Time as time.Now(), so go-jose cannot be given the instant 0001-01-01T00:00:00Z without reading the wall clock")

// Verify implements adapters.Adapter.
func (a adapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	if opts.Now.IsZero() {
		// Never happens with real vectors; this keeps the wall clock out.
		return adapters.Outcome{Verdict: adapters.Unsupported, Error: errZeroClock.Error()}
	}
	// v3's ParseSigned takes no list of allowed algorithms (v4 added one);
	// the key's type decides which verifier runs.
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
