package cap

import (
	"context"
	"crypto"
	"regexp"
	"time"

	"github.com/hashicorp/cap/jwt"
	"github.com/jwtconform/jwtconform/adapters"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/hashicorp/cap"

// adapter is one of cap's two validation paths.
type adapter struct {
	name         string
	allowMissing bool // ValidateAllowMissingIatNbfExp instead of Validate
}

// Validate is Validator.Validate.
func Validate() adapters.Adapter { return adapter{name: "cap/v0/validate"} }

// AllowMissing is Validator.ValidateAllowMissingIatNbfExp.
func AllowMissing() adapters.Adapter {
	return adapter{name: "cap/v0/allow-missing", allowMissing: true}
}

// Name implements adapters.Adapter.
func (a adapter) Name() string { return a.name }

// Algorithms implements adapters.AlgorithmLister: the asymmetric harness
// algorithms the static key set verifies, RS256 first because its
// signatures are deterministic and Expected.SigningAlgorithms defaults to it.
func (adapter) Algorithms() []string { return []string{"RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Supports implements adapters.Adapter: Expected.ClockSkewLeeway sets the
// leeway (a negative one means none, so it cannot narrow the window) and
// Expected.Now takes any time.Time; Expected has no way to require a
// particular claim.
func (adapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureLeeway, adapters.FeatureSubSecondClock:
		return true
	}
	return false
}

// Verify implements adapters.Adapter.
func (a adapter) Verify(ctx context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	keys, err := jwt.NewStaticKeySet([]crypto.PublicKey{opts.Key.Public})
	if err != nil {
		return adapters.Rejected(adapters.KeyRefused, err)
	}
	v, err := jwt.NewValidator(keys)
	if err != nil {
		return adapters.Rejected(adapters.KeyRefused, err)
	}
	now := opts.Now
	exp := jwt.Expected{
		SigningAlgorithms: []jwt.Alg{jwt.Alg(opts.Key.Alg)},
		Now:               func() time.Time { return now },
	}
	if opts.SetLeeway {
		exp.ClockSkewLeeway = clockSkew(opts.Leeway)
	}
	validate := v.Validate
	if a.allowMissing {
		validate = v.ValidateAllowMissingIatNbfExp
	}
	if _, err := validate(ctx, token, exp); err != nil {
		o := adapters.Rejected(classify(err), err)
		o.Error = stableText(o.Error)
		return o
	}
	return adapters.Accepted()
}

// collidingKey is the key cap names in its case-folding collision error.
var collidingKey = regexp.MustCompile(`^ambiguous claim: key "[^"]*" collides`)

// stableText is cap's error text with the one part that varies from run to
// run made stable: with several keys that fold to a registered claim name,
// cap names whichever its loop over a Go map meets first (jwt.go:342-356),
// so the text would change between runs of the same token and the reports
// would not be byte-stable. The verdict and class do not vary.
func stableText(msg string) string {
	return collidingKey.ReplaceAllString(msg, `ambiguous claim: a key (cap names the first its map iteration meets) collides`)
}

// clockSkew maps a leeway to Expected.ClockSkewLeeway, where zero means
// the default of one minute (jwt.DefaultLeeway) and a negative duration
// means none (cap jwt/jwt.go, validateAll): an explicit leeway of zero is
// passed as the smallest negative duration.
func clockSkew(d time.Duration) time.Duration {
	if d == 0 {
		return -time.Nanosecond
	}
	return d
}
