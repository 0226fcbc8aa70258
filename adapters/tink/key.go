package tink

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"sync"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/tink-crypto/tink-go/v2/insecuresecretdataaccess"
	"github.com/tink-crypto/tink-go/v2/jwt"
	"github.com/tink-crypto/tink-go/v2/jwt/jwthmac"
	"github.com/tink-crypto/tink-go/v2/keyset"
	"github.com/tink-crypto/tink-go/v2/secretdata"
)

// verifyFunc verifies a compact token and validates its claims.
type verifyFunc func(token string, v *jwt.Validator) error

// verifiers caches one tink primitive per key, keyed by alg and the key's
// encoding: building a keyset handle and its primitive costs far more than
// a verification, and the harness verifies with a few fixed keys.
var verifiers sync.Map // string -> verifyFunc

// verifierFor returns the tink primitive that verifies tokens under k.
func verifierFor(k adapters.Key) (verifyFunc, error) {
	id, err := keyID(k)
	if err != nil {
		return nil, err
	}
	if f, ok := verifiers.Load(id); ok {
		return f.(verifyFunc), nil
	}
	f, err := newVerifier(k)
	if err != nil {
		return nil, err
	}
	verifiers.Store(id, f)
	return f, nil
}

// keyID identifies k for the cache: the HMAC secret, or the JWK set that
// imports the public key.
func keyID(k adapters.Key) (string, error) {
	if k.Alg == "HS256" {
		secret, ok := k.Public.([]byte)
		if !ok {
			return "", fmt.Errorf("tink: HS256 key is %T, want []byte", k.Public)
		}
		return "HS256:" + string(secret), nil
	}
	set, err := jwkSet(k)
	if err != nil {
		return "", err
	}
	return string(set), nil
}

// newVerifier builds the keyset for k and its primitive.
func newVerifier(k adapters.Key) (verifyFunc, error) {
	if k.Alg == "HS256" {
		return newMAC(k.Public.([]byte))
	}
	set, err := jwkSet(k)
	if err != nil {
		return nil, err
	}
	h, err := jwt.JWKSetToPublicKeysetHandle(set)
	if err != nil {
		return nil, fmt.Errorf("tink: import JWK set: %w", err)
	}
	v, err := jwt.NewVerifier(h)
	if err != nil {
		return nil, fmt.Errorf("tink: verifier: %w", err)
	}
	return func(token string, val *jwt.Validator) error {
		_, err := v.VerifyAndDecode(token, val)
		return err
	}, nil
}

// newMAC imports an HS256 secret as a jwthmac key that ignores kid.
func newMAC(secret []byte) (verifyFunc, error) {
	params, err := jwthmac.NewParameters(len(secret), jwthmac.IgnoredKID, jwthmac.HS256)
	if err != nil {
		return nil, fmt.Errorf("tink: HS256 parameters: %w", err)
	}
	key, err := jwthmac.NewKey(jwthmac.KeyOpts{
		KeyBytes:   secretdata.NewBytesFromData(secret, insecuresecretdataaccess.Token{}),
		Parameters: params,
	})
	if err != nil {
		return nil, fmt.Errorf("tink: HS256 key: %w", err)
	}
	m := keyset.NewManager()
	id, err := m.AddKey(key)
	if err != nil {
		return nil, fmt.Errorf("tink: add key: %w", err)
	}
	if err := m.SetPrimary(id); err != nil {
		return nil, fmt.Errorf("tink: set primary: %w", err)
	}
	h, err := m.Handle()
	if err != nil {
		return nil, fmt.Errorf("tink: keyset: %w", err)
	}
	mac, err := jwt.NewMAC(h)
	if err != nil {
		return nil, fmt.Errorf("tink: MAC: %w", err)
	}
	return func(token string, val *jwt.Validator) error {
		_, err := mac.VerifyMACAndDecode(token, val)
		return err
	}, nil
}

// jwkSet is a JWK set (RFC 7517 5) holding the public key k, with its alg
// and no kid.
func jwkSet(k adapters.Key) ([]byte, error) {
	b64 := func(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
	var jwk map[string]string
	switch pub := k.Public.(type) {
	case *rsa.PublicKey:
		jwk = map[string]string{"kty": "RSA", "alg": k.Alg, "n": b64(pub.N.Bytes()), "e": b64(big.NewInt(int64(pub.E)).Bytes())}
	case *ecdsa.PublicKey:
		raw, err := pub.Bytes() // 0x04 || X || Y, each padded to the curve size
		if err != nil {
			return nil, fmt.Errorf("tink: %s key: %w", k.Alg, err)
		}
		n := (len(raw) - 1) / 2
		jwk = map[string]string{"kty": "EC", "alg": k.Alg, "crv": pub.Curve.Params().Name, "x": b64(raw[1 : 1+n]), "y": b64(raw[1+n:])}
	default:
		return nil, fmt.Errorf("tink: no JWK import for a %s key (%T)", k.Alg, k.Public)
	}
	return json.Marshal(map[string][]map[string]string{"keys": {jwk}})
}
