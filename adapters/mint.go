package adapters

import (
	"crypto"
	"time"
)

// Minter issues tokens through one library's own claims-building API, so
// that the harness can check how tokens minted by one library are judged by
// every other. A library has one Minter, whatever its verification paths.
// A shim exports a constructor for it; adapters/all lists the built-in
// ones, and a caller passes the minters it wants to the harness, so that
// linking a shim has no side effect.
type Minter interface {
	// Name is a stable identifier of the library, such as "golang-jwt/v5".
	Name() string
	// Module is the library's module path and version, read from build info.
	Module() Module
	// Mint builds a claims set holding exactly the time claims set in
	// claims, the way a user of the library would, and signs it with key.
	Mint(claims MintClaims, key SigningKey) (string, error)
}

// MintClaims are the time claims a Minter is asked to write. A zero
// time.Time means the claim is left out; any other instant, including one
// with a sub-second part, is passed to the library as it is.
type MintClaims struct {
	// Exp is the expiration time (RFC 7519 4.1.4).
	Exp time.Time
	// Nbf is the not-before time (RFC 7519 4.1.5).
	Nbf time.Time
	// Iat is the issued-at time (RFC 7519 4.1.6).
	Iat time.Time
}

// SigningKey is a private key together with its JWS algorithm.
type SigningKey struct {
	// Alg is the JWS "alg" value: HS256, RS256, ES256 or EdDSA.
	Alg string
	// Private is the signing key: []byte for HMAC, otherwise an
	// *rsa.PrivateKey, *ecdsa.PrivateKey or ed25519.PrivateKey.
	Private crypto.PrivateKey
}
