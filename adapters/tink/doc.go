// Package tink adapts github.com/tink-crypto/tink-go/v2/jwt to the
// adapters contract. Tink verifies only with keysets, so the shim imports
// the harness key through the library's public API: an HS256 secret as a
// jwthmac key (IgnoredKID, so no kid header is needed) in a keyset.Manager,
// an RS256 or ES256 public key through jwt.JWKSetToPublicKeysetHandle
// (without a kid, which makes it a RAW key that needs no kid header either).
// Ed25519 is left out: JWKSetToPublicKeysetHandle does not convert it.
//
// It offers three validators built with jwt.NewValidator: the default one
// (FixedNow alone), one with AllowMissingExpiration, and one with
// ExpectIssuedInThePast. All three ignore the typ header, the audience and
// the issuer (IgnoreTypeHeader, IgnoreAudiences, IgnoreIssuer): the harness
// header carries "typ":"JWT" and some vectors an aud or iss, which tink
// otherwise rejects unless the validator expects them, and the suite
// measures the time claims alone.
package tink
