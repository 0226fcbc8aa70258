package adapters

import (
	"context"
	"crypto"
	"time"

	"github.com/jwtconform/jwtconform/oracle"
)

// Adapter is one verification path of one JWT library, as a user of that
// library would call it.
type Adapter interface {
	// Name is a stable identifier such as "golang-jwt/v5/mapclaims".
	Name() string
	// Module is the library's module path and version, read from build info.
	Module() Module
	// Supports reports whether the adapter can express an option.
	Supports(Feature) bool
	// Verify checks token with the library's public API. It honours only the
	// options it can express; the harness never calls it with an option for
	// which Supports is false.
	Verify(ctx context.Context, token string, opts Options) Outcome
}

// Global is implemented by an adapter whose clock or settings are package
// variables: the harness never runs two calls with the same GlobalState key
// at once, so setting the variable and verifying is atomic.
type Global interface {
	// GlobalState names the package state the adapter sets, such as
	// "github.com/golang-jwt/jwt/v4.TimeFunc"; adapters sharing it share a lock.
	GlobalState() string
}

// Feature is an option that a library may or may not be able to express.
type Feature string

// The features an adapter may support.
const (
	// FeatureLeeway: an explicit clock-skew leeway, including zero.
	FeatureLeeway Feature = "leeway"
	// FeatureSubSecondClock: a clock with sub-second precision.
	FeatureSubSecondClock Feature = "subsecond-clock"
	// FeatureRequireExp: rejecting a token that has no exp claim.
	FeatureRequireExp Feature = "require-exp"
	// FeatureRequireNbf: rejecting a token that has no nbf claim.
	FeatureRequireNbf Feature = "require-nbf"
	// FeatureRequireIat: rejecting a token that has no iat claim.
	FeatureRequireIat Feature = "require-iat"
)

// RequireFeature is the feature needed to require claim c.
func RequireFeature(c Claim) Feature {
	return Feature("require-" + string(c))
}

// Claim names a registered time claim of RFC 7519; it is the oracle's.
type Claim = oracle.Claim

// The time claims of RFC 7519 section 4.1.
const (
	Exp = oracle.Exp
	Nbf = oracle.Nbf
	Iat = oracle.Iat
)

// TimeClaims lists the time claims in a fixed order.
var TimeClaims = oracle.TimeClaims

// Options is what the harness asks of one verification.
type Options struct {
	// Now is the injected clock reading; adapters never read the wall clock.
	Now time.Time
	// Leeway is the clock-skew allowance, used only when SetLeeway is true.
	Leeway time.Duration
	// SetLeeway says whether to pass Leeway through the library's option.
	// When false the library's own default applies (the "defaults" mode).
	SetLeeway bool
	// Require lists the claims that must be present.
	Require []Claim
	// Key is the verification key.
	Key Key
}

// Key is a verification key together with its JWS algorithm.
type Key struct {
	// Alg is the JWS "alg" value: HS256, RS256, ES256 or EdDSA.
	Alg string
	// Public is the verification key: []byte for HMAC, otherwise an
	// *rsa.PublicKey, *ecdsa.PublicKey or ed25519.PublicKey.
	Public crypto.PublicKey
}

// Features lists the features an adapter must support to honour o, in a
// fixed order.
func (o Options) Features() []Feature {
	var fs []Feature
	if o.SetLeeway {
		fs = append(fs, FeatureLeeway)
	}
	if o.Now.Nanosecond() != 0 {
		fs = append(fs, FeatureSubSecondClock)
	}
	for _, c := range o.Require {
		fs = append(fs, RequireFeature(c))
	}
	return fs
}

// Lacks returns the first feature o needs that a cannot express.
func Lacks(a Adapter, o Options) (Feature, bool) {
	for _, f := range o.Features() {
		if !a.Supports(f) {
			return f, true
		}
	}
	return "", false
}
