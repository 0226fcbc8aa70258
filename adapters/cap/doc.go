// Package cap adapts github.com/hashicorp/cap/jwt to the adapters contract
// through a jwt.Validator over a jwt.NewStaticKeySet, with the clock
// injected through Expected.Now and the leeway through
// Expected.ClockSkewLeeway. It offers the library's two validation paths:
// Validator.Validate, which requires at least one of iat, nbf and exp, and
// Validator.ValidateAllowMissingIatNbfExp, which skips the time checks when
// all three are missing. The static key set takes RSA, ECDSA and Ed25519
// public keys only, so the adapter verifies asymmetric algorithms only.
package cap
