package jws

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rsa"
	_ "crypto/sha256" // registers SHA-256 for crypto.Hash
	_ "crypto/sha512" // registers SHA-384 and SHA-512
	"errors"
	"fmt"
	"math/big"
)

// VerifySignature checks a JWS signature with the standard library, so
// that a bad key or a forged token shows as such rather than as every
// library disagreeing with the RFC about the claims. key has already been
// matched to alg by ParseKey.
func VerifySignature(alg string, key crypto.PublicKey, input, sig []byte) error {
	var h crypto.Hash
	suffix := ""
	if len(alg) >= 3 {
		suffix = alg[len(alg)-3:]
	}
	switch suffix {
	case "256":
		h = crypto.SHA256
	case "384":
		h = crypto.SHA384
	case "512":
		h = crypto.SHA512
	}
	digest := func() []byte {
		d := h.New()
		d.Write(input)
		return d.Sum(nil)
	}
	bad := errors.New("the signature does not verify with the given key")
	switch k := key.(type) {
	case []byte:
		if h == 0 {
			return fmt.Errorf("unknown HMAC algorithm %s", alg)
		}
		m := hmac.New(h.New, k)
		m.Write(input)
		if !hmac.Equal(m.Sum(nil), sig) {
			return bad
		}
	case *rsa.PublicKey:
		if h == 0 {
			return fmt.Errorf("unknown RSA algorithm %s", alg)
		}
		var err error
		if alg[:2] == "PS" {
			err = rsa.VerifyPSS(k, h, digest(), sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto})
		} else {
			err = rsa.VerifyPKCS1v15(k, h, digest(), sig)
		}
		if err != nil {
			return bad
		}
	case *ecdsa.PublicKey:
		if h == 0 {
			return fmt.Errorf("unknown ECDSA algorithm %s", alg)
		}
		size := (k.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*size {
			return fmt.Errorf("ECDSA signature is %d bytes, want %d (RFC 7518 3.4)", len(sig), 2*size)
		}
		r, s := new(big.Int).SetBytes(sig[:size]), new(big.Int).SetBytes(sig[size:])
		if !ecdsa.Verify(k, digest(), r, s) {
			return bad
		}
	case ed25519.PublicKey:
		if !ed25519.Verify(k, input, sig) {
			return bad
		}
	default:
		return fmt.Errorf("cannot verify with a %T", key)
	}
	return nil
}
