package gooidc

import (
	"context"
	"crypto"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/jwtconform/jwtconform/adapters"
)

// modulePath is the library's module, whose version is read from build info.
const modulePath = "github.com/coreos/go-oidc/v3"

// adapter is IDTokenVerifier.Verify with a static key set.
type adapter struct{}

// New is the go-oidc adapter: oidc.NewVerifier with an oidc.StaticKeySet
// holding the harness public key, SkipIssuerCheck, SkipClientIDCheck, the
// token's algorithm as the one SupportedSigningAlgs entry and Config.Now.
func New() adapters.Adapter { return adapter{} }

// Name implements adapters.Adapter.
func (adapter) Name() string { return "go-oidc/v3/verifier" }

// Algorithms implements adapters.AlgorithmLister: the asymmetric harness
// algorithms StaticKeySet verifies, RS256 first because its signatures are
// deterministic and it is the one algorithm OpenID Connect requires.
func (adapter) Algorithms() []string { return []string{"RS256", "ES256", "EdDSA"} }

// Module implements adapters.Adapter.
func (adapter) Module() adapters.Module { return adapters.ModuleOf(modulePath) }

// Supports implements adapters.Adapter: Config.Now takes any time.Time, but
// Config has no leeway (nbf's five minutes are fixed in Verify) and no way
// to require a claim.
func (adapter) Supports(f adapters.Feature) bool {
	return f == adapters.FeatureSubSecondClock
}

// Verify implements adapters.Adapter.
func (a adapter) Verify(ctx context.Context, token string, opts adapters.Options) adapters.Outcome {
	if f, ok := adapters.Lacks(a, opts); ok {
		return adapters.NotSupported(f)
	}
	now := opts.Now
	keys := &oidc.StaticKeySet{PublicKeys: []crypto.PublicKey{opts.Key.Public}}
	v := oidc.NewVerifier("", keys, &oidc.Config{
		SupportedSigningAlgs: []string{opts.Key.Alg},
		SkipClientIDCheck:    true,
		SkipIssuerCheck:      true,
		Now:                  func() time.Time { return now },
	})
	if _, err := v.Verify(ctx, token); err != nil {
		return adapters.Rejected(classify(err), err)
	}
	return adapters.Accepted()
}
