// Package gooidc adapts github.com/coreos/go-oidc/v3/oidc to the adapters
// contract through IDTokenVerifier.Verify with an oidc.StaticKeySet, the
// issuer and client-ID checks off (SkipIssuerCheck, SkipClientIDCheck) and
// the clock injected through Config.Now. go-oidc verifies ID tokens, which
// OpenID Connect Core 1.0 section 2 signs with asymmetric algorithms only
// (StaticKeySet takes RSA, ECDSA and Ed25519 public keys), and it offers no
// leeway and no way to require a claim: its time policy is fixed.
package gooidc
