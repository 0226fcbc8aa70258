package adapters

import (
	"context"
	"crypto"
	"time"

	"github.com/jwtconform/jwtconform/oracle"
)

// Adapter is one verification path of one JWT library, as a user of that
// library would call it.
//
// Beyond these four methods an adapter may implement optional interfaces,
// kept apart so that an adapter written against an older contract still
// compiles and keeps its meaning: AlgorithmLister (the JWS algorithms it
// verifies; HS256 alone when absent), LeewayBounder (the largest leeway
// it can express; no bound when absent) and Deprecation (a note that the
// library is deprecated or archived). Read them through Algorithms and
// MaxLeeway, never by a type assertion of your own, so that the defaults
// stay in one place.
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
	// FeatureNegativeLeeway: a leeway below zero, which narrows the
	// validity window instead of widening it. Few libraries accept one
	// (kataras/jwt's Leeway is such a narrowing), so a negative Leeway is
	// never passed to an adapter that does not say it supports this.
	FeatureNegativeLeeway Feature = "negative-leeway"
	// FeatureLeewayBeyondMax: a leeway larger than the adapter's MaxLeeway.
	// No adapter supports it by definition: Lacks reports it, without
	// asking Supports, for a leeway past the declared bound (tink refuses
	// a clock skew over ten minutes), so that such a test is unsupported
	// rather than silently run with a clamped leeway.
	FeatureLeewayBeyondMax Feature = "leeway-beyond-max"
	// FeatureSubSecondClock: a clock with sub-second precision.
	FeatureSubSecondClock Feature = "subsecond-clock"
	// FeatureRequireExp: rejecting a token that has no exp claim.
	FeatureRequireExp Feature = "require-exp"
	// FeatureRequireNbf: rejecting a token that has no nbf claim.
	FeatureRequireNbf Feature = "require-nbf"
	// FeatureRequireIat: rejecting a token that has no iat claim.
	FeatureRequireIat Feature = "require-iat"
	// FeatureMaxAge: a maximum token age, Options.MaxAge (jwx's
	// WithMaxDelta(d, "", IssuedAtKey)).
	FeatureMaxAge Feature = "max-age"
	// FeatureMaxLifetime: a maximum token lifetime exp - iat,
	// Options.MaxLifetime (jwx's WithMaxDelta(d, ExpirationKey, IssuedAtKey)).
	FeatureMaxLifetime Feature = "max-lifetime"
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
	// It widens the validity window on both sides, as RFC 7519 4.1.4 and
	// 4.1.5 mean it: a token is valid iff now < exp + Leeway and
	// now >= nbf - Leeway. An adapter maps it to the library's option with
	// whatever sign the library needs for that meaning. A negative Leeway
	// narrows the window; the harness passes one only to an adapter that
	// supports FeatureNegativeLeeway, and never one whose size exceeds the
	// adapter's MaxLeeway.
	Leeway time.Duration
	// SetLeeway says whether to pass Leeway through the library's option.
	// When false the library's own default applies (the "defaults" mode).
	SetLeeway bool
	// Require lists the claims that must be present.
	Require []Claim
	// MaxAge, when positive, asks for a maximum token age: iat must be
	// present and now - iat <= MaxAge + Leeway. It is a policy outside
	// RFC 7519; the harness passes it only to an adapter that supports
	// FeatureMaxAge.
	MaxAge time.Duration
	// MaxLifetime, when positive, asks for a maximum token lifetime: exp
	// and iat must be present and exp - iat <= MaxLifetime + Leeway; only
	// to an adapter that supports FeatureMaxLifetime.
	MaxLifetime time.Duration
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
		if o.Leeway < 0 {
			fs = append(fs, FeatureNegativeLeeway)
		}
	}
	if o.Now.Nanosecond() != 0 {
		fs = append(fs, FeatureSubSecondClock)
	}
	for _, c := range o.Require {
		fs = append(fs, RequireFeature(c))
	}
	if o.MaxAge > 0 {
		fs = append(fs, FeatureMaxAge)
	}
	if o.MaxLifetime > 0 {
		fs = append(fs, FeatureMaxLifetime)
	}
	return fs
}

// Lacks returns the first feature o needs that a cannot express: one that
// Supports denies (a negative leeway included), or FeatureLeewayBeyondMax
// when the leeway's size exceeds a's MaxLeeway.
func Lacks(a Adapter, o Options) (Feature, bool) {
	for _, f := range o.Features() {
		if !a.Supports(f) {
			return f, true
		}
	}
	if bound, ok := MaxLeeway(a); ok && o.SetLeeway && (o.Leeway > bound || o.Leeway < -bound) {
		return FeatureLeewayBeyondMax, true
	}
	return "", false
}

// DefaultAlgorithm is the one JWS algorithm an adapter that does not
// implement AlgorithmLister is taken to verify: every adapter written
// before algorithms could be declared was driven with HS256 alone.
const DefaultAlgorithm = "HS256"

// AlgorithmLister is implemented by an adapter that declares the JWS
// algorithms it verifies. It is optional so that existing third-party
// adapters keep compiling; an adapter of a library that verifies only
// asymmetric algorithms (go-oidc, hashicorp/cap) must implement it.
type AlgorithmLister interface {
	// Algorithms lists the JWS "alg" values the adapter verifies, most
	// preferred first: the harness signs with the first one it has a key
	// for (HS256, RS256, ES256 or EdDSA), so a deterministic algorithm
	// first keeps tokens, and so reports, the same from run to run.
	Algorithms() []string
}

// Algorithms lists the JWS algorithms a verifies: its own list when it
// implements AlgorithmLister with a non-empty one, else DefaultAlgorithm.
func Algorithms(a Adapter) []string {
	if l, ok := a.(AlgorithmLister); ok {
		if algs := l.Algorithms(); len(algs) > 0 {
			return algs
		}
	}
	return []string{DefaultAlgorithm}
}

// LeewayBounder is implemented by an adapter whose library refuses a
// leeway past some size (tink: ten minutes). It is optional; an adapter
// without it takes a leeway of any size.
type LeewayBounder interface {
	// MaxLeeway is the largest leeway the library can express.
	MaxLeeway() time.Duration
}

// MaxLeeway is a's bound on the size of a leeway, and whether it has one.
func MaxLeeway(a Adapter) (time.Duration, bool) {
	if b, ok := a.(LeewayBounder); ok {
		return b.MaxLeeway(), true
	}
	return 0, false
}
