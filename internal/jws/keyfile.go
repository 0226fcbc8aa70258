package jws

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// ParseKey reads a verification key file for a token with algorithm alg
// and key id kid: a JWK or JWK set, a PEM public key, certificate or
// private key (its public half is used), or else an HMAC secret, taken as
// the file's exact bytes.
func ParseKey(b []byte, alg, kid string) (crypto.PublicKey, error) {
	key, err := ParseAnyKey(b, kid)
	if err != nil {
		return nil, err
	}
	if want, got := keyKind(alg), kindOf(key); want == "" {
		return nil, fmt.Errorf("token alg %q is not one this command verifies (HS*, RS*, PS*, ES*, EdDSA)", alg)
	} else if want != got {
		return nil, fmt.Errorf("token alg %s needs %s, the file holds %s", alg, want, got)
	}
	return key, nil
}

// ParseAnyKey reads a verification key file as ParseKey does, for a token
// whose header names no algorithm it can be checked against (a malformed
// token, which the libraries must still be given a key to judge).
func ParseAnyKey(b []byte, kid string) (crypto.PublicKey, error) {
	var key crypto.PublicKey
	var err error
	trimmed := bytes.TrimSpace(b)
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		key, err = parseJWKFile(trimmed, kid)
	case bytes.Contains(trimmed, []byte("-----BEGIN ")):
		key, err = parsePEM(trimmed)
	default:
		if len(b) == 0 {
			return nil, errors.New("empty file")
		}
		key = b
	}
	if err != nil {
		return nil, err
	}
	return key, nil
}

// KeyAlg is the JWS algorithm a key is most often used with: HS256 for a
// secret, RS256, ES256/ES384/ES512 by curve, EdDSA.
func KeyAlg(k crypto.PublicKey) string {
	switch k := k.(type) {
	case []byte:
		return "HS256"
	case *rsa.PublicKey:
		return "RS256"
	case *ecdsa.PublicKey:
		switch k.Curve.Params().BitSize {
		case 384:
			return "ES384"
		case 521:
			return "ES512"
		}
		return "ES256"
	case ed25519.PublicKey:
		return "EdDSA"
	}
	return ""
}

// HMACMinKeyBytes is the shortest secret RFC 7518 3.2 allows for an HMAC
// algorithm ("a key of the same size as the hash output ... or larger MUST
// be used"), and false for an algorithm that is not HS256, HS384 or HS512.
func HMACMinKeyBytes(alg string) (int, bool) {
	switch alg {
	case "HS256":
		return 32, true
	case "HS384":
		return 48, true
	case "HS512":
		return 64, true
	}
	return 0, false
}

// keyKind names the key an algorithm needs.
func keyKind(alg string) string {
	switch {
	case strings.HasPrefix(alg, "HS"):
		return "an HMAC secret"
	case strings.HasPrefix(alg, "RS"), strings.HasPrefix(alg, "PS"):
		return "an RSA public key"
	case strings.HasPrefix(alg, "ES"):
		return "an ECDSA public key"
	case alg == "EdDSA" || alg == "Ed25519":
		return "an Ed25519 public key"
	}
	return ""
}

func kindOf(k crypto.PublicKey) string {
	switch k.(type) {
	case []byte:
		return "an HMAC secret"
	case *rsa.PublicKey:
		return "an RSA public key"
	case *ecdsa.PublicKey:
		return "an ECDSA public key"
	case ed25519.PublicKey:
		return "an Ed25519 public key"
	}
	return fmt.Sprintf("a %T", k)
}

// jwk is the members of RFC 7517/7518 keys this command reads.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Crv string `json:"crv"`
	K   string `json:"k"`
	N   string `json:"n"`
	E   string `json:"e"`
	X   string `json:"x"`
	Y   string `json:"y"`
}

// parseJWKFile reads a JWK, or picks from a JWK set the key with id kid
// (or its only key).
func parseJWKFile(b []byte, kid string) (crypto.PublicKey, error) {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.Unmarshal(b, &set); err != nil {
		return nil, fmt.Errorf("not a JWK: %v", err)
	}
	if set.Keys == nil {
		var k jwk
		if err := json.Unmarshal(b, &k); err != nil {
			return nil, fmt.Errorf("not a JWK: %v", err)
		}
		return k.public()
	}
	switch {
	case len(set.Keys) == 1 && (kid == "" || set.Keys[0].Kid == kid):
		return set.Keys[0].public()
	case kid == "":
		return nil, fmt.Errorf("JWK set holds %d keys and the token names no kid", len(set.Keys))
	}
	for _, k := range set.Keys {
		if k.Kid == kid {
			return k.public()
		}
	}
	return nil, fmt.Errorf("JWK set has no key with kid %q", kid)
}

// public builds the key a JWK describes.
func (k jwk) public() (crypto.PublicKey, error) {
	b64 := func(name, s string) ([]byte, error) {
		if s == "" {
			return nil, fmt.Errorf("JWK kty %s: no %q member", k.Kty, name)
		}
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
		if err != nil {
			return nil, fmt.Errorf("JWK member %q: %v", name, err)
		}
		return b, nil
	}
	switch k.Kty {
	case "oct":
		return b64("k", k.K)
	case "RSA":
		n, err := b64("n", k.N)
		if err != nil {
			return nil, err
		}
		e, err := b64("e", k.E)
		if err != nil {
			return nil, err
		}
		if len(e) > 4 {
			return nil, errors.New("JWK RSA exponent too large")
		}
		return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}, nil
	case "EC":
		var curve elliptic.Curve
		switch k.Crv {
		case "P-256":
			curve = elliptic.P256()
		case "P-384":
			curve = elliptic.P384()
		case "P-521":
			curve = elliptic.P521()
		default:
			return nil, fmt.Errorf("JWK EC curve %q is not P-256, P-384 or P-521", k.Crv)
		}
		x, err := b64("x", k.X)
		if err != nil {
			return nil, err
		}
		y, err := b64("y", k.Y)
		if err != nil {
			return nil, err
		}
		size := (curve.Params().BitSize + 7) / 8
		if len(x) != size || len(y) != size {
			return nil, fmt.Errorf("JWK EC coordinates must be %d bytes", size)
		}
		pub, err := ecdsa.ParseUncompressedPublicKey(curve, append(append([]byte{4}, x...), y...))
		if err != nil {
			return nil, fmt.Errorf("JWK EC key: %v", err)
		}
		return pub, nil
	case "OKP":
		if k.Crv != "Ed25519" {
			return nil, fmt.Errorf("JWK OKP curve %q is not Ed25519", k.Crv)
		}
		x, err := b64("x", k.X)
		if err != nil {
			return nil, err
		}
		if len(x) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("JWK Ed25519 key must be %d bytes", ed25519.PublicKeySize)
		}
		return ed25519.PublicKey(x), nil
	}
	return nil, fmt.Errorf("JWK kty %q is not oct, RSA, EC or OKP", k.Kty)
}

// parsePEM reads the first PEM block that holds a key or certificate.
func parsePEM(b []byte) (crypto.PublicKey, error) {
	for {
		var blk *pem.Block
		blk, b = pem.Decode(b)
		if blk == nil {
			return nil, errors.New("no PEM public key, certificate or private key found")
		}
		switch blk.Type {
		case "PUBLIC KEY":
			k, err := x509.ParsePKIXPublicKey(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("PEM public key: %v", err)
			}
			return k, nil
		case "RSA PUBLIC KEY":
			k, err := x509.ParsePKCS1PublicKey(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("PEM RSA public key: %v", err)
			}
			return k, nil
		case "CERTIFICATE":
			c, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("PEM certificate: %v", err)
			}
			return c.PublicKey, nil
		case "PRIVATE KEY":
			k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("PEM private key: %v", err)
			}
			if s, ok := k.(crypto.Signer); ok {
				return s.Public(), nil
			}
			return nil, fmt.Errorf("PEM private key of type %T", k)
		case "RSA PRIVATE KEY":
			k, err := x509.ParsePKCS1PrivateKey(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("PEM RSA private key: %v", err)
			}
			return &k.PublicKey, nil
		case "EC PRIVATE KEY":
			k, err := x509.ParseECPrivateKey(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("PEM EC private key: %v", err)
			}
			return &k.PublicKey, nil
		}
	}
}
