package jws

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"hash"
	"math/big"
	"sync"
)

var b64 = base64.RawURLEncoding

// Header returns the protected header the harness uses for alg.
func Header(alg string) []byte {
	return []byte(`{"alg":"` + alg + `","typ":"JWT"}`)
}

// Sign builds a compact JWS over the exact payload bytes with the harness
// key for s.Alg. HS256, RS256 and EdDSA signatures are deterministic, so the
// same payload always gives the same token; ES256 signatures are not.
func Sign(s Signer, payload []byte) (string, error) {
	return SignWithHeader(s, Header(s.Alg), payload)
}

// SignWithHeader is Sign with an explicit protected header.
func SignWithHeader(s Signer, header, payload []byte) (string, error) {
	// One buffer holds the signing input and then the token.
	hl, pl := b64.EncodedLen(len(header)), b64.EncodedLen(len(payload))
	buf := make([]byte, hl+1+pl, hl+1+pl+1+b64.EncodedLen(signatureBytes(s)))
	b64.Encode(buf, header)
	buf[hl] = '.'
	b64.Encode(buf[hl+1:], payload)
	sig, err := signature(s, buf)
	if err != nil {
		return "", err
	}
	return string(b64.AppendEncode(append(buf, '.'), sig)), nil
}

// signatureBytes is the length of s's signatures, to size the token.
func signatureBytes(s Signer) int {
	switch k := s.Private.(type) {
	case *rsa.PrivateKey:
		return k.Size()
	case *ecdsa.PrivateKey, ed25519.PrivateKey:
		return 64
	}
	return sha256.Size
}

// MustSign is Sign for callers whose signer comes from SignerFor, where an
// error is a programming error.
func MustSign(s Signer, payload []byte) string {
	t, err := Sign(s, payload)
	if err != nil {
		panic(err)
	}
	return t
}

// HS256 signs payload with the harness HMAC secret.
func HS256(payload []byte) string {
	return MustSign(signers["HS256"], payload)
}

func signature(s Signer, input []byte) ([]byte, error) {
	switch k := s.Private.(type) {
	case []byte:
		if s.macs == nil {
			m := hmac.New(sha256.New, k)
			m.Write(input)
			return m.Sum(nil), nil
		}
		m := s.macs.Get().(hash.Hash)
		m.Reset()
		m.Write(input)
		sig := m.Sum(nil)
		s.macs.Put(m)
		return sig, nil
	case *rsa.PrivateKey:
		digest := sha256.Sum256(input)
		return rsa.SignPKCS1v15(nil, k, crypto.SHA256, digest[:])
	case *ecdsa.PrivateKey:
		digest := sha256.Sum256(input)
		r, ss, err := ecdsa.Sign(rand.Reader, k, digest[:])
		if err != nil {
			return nil, err
		}
		return append(pad32(r), pad32(ss)...), nil
	case ed25519.PrivateKey:
		return ed25519.Sign(k, input), nil
	}
	return nil, fmt.Errorf("jws: cannot sign with %T", s.Private)
}

func pad32(n *big.Int) []byte {
	out := make([]byte, 32)
	return n.FillBytes(out)
}

// SignAs signs payload with the harness key for alg, the one entry point
// for callers that pick an algorithm by name (see conformance.SigningAlg).
// Tokens are kept for the process (up to signCacheBytes, then afresh): an
// RS256 signature costs a millisecond, and every adapter of an algorithm
// signs the same vectors and the same property cases. Keeping ES256 tokens
// also makes a randomised signature the same each time a payload returns.
func SignAs(alg string, payload []byte) (string, error) {
	key := alg + "\x00" + string(payload)
	signCache.Lock()
	tok, ok := signCache.m[key]
	signCache.Unlock()
	if ok {
		return tok, nil
	}
	s, err := SignerFor(alg)
	if err != nil {
		return "", err
	}
	if tok, err = Sign(s, payload); err != nil {
		return "", err
	}
	signCache.Lock()
	if signCache.bytes += len(key) + len(tok); signCache.bytes > signCacheBytes {
		clear(signCache.m)
		signCache.bytes = len(key) + len(tok)
	}
	signCache.m[key] = tok
	signCache.Unlock()
	return tok, nil
}

// signCache holds SignAs's tokens by algorithm and payload, and the bytes
// of its keys and tokens.
var signCache = struct {
	sync.Mutex
	m     map[string]string
	bytes int
}{m: map[string]string{}}

// signCacheBytes bounds signCache; past it the cache starts afresh. It is
// counted in bytes, not entries: a fuzzer signs a new payload of up to
// 64 KiB per input for hours, and none of them comes back.
const signCacheBytes = 32 << 20

// SignPadded is SignAs with the header and payload segments written in
// base64url with '=' padding, which RFC 7515 2 rules out, and signed as
// written: a token to measure whether a library accepts padding.
func SignPadded(alg string, payload []byte) (string, error) {
	s, err := SignerFor(alg)
	if err != nil {
		return "", err
	}
	padded := base64.URLEncoding
	input := padded.EncodeToString(Header(alg)) + "." + padded.EncodeToString(payload)
	sig, err := signature(s, []byte(input))
	if err != nil {
		return "", err
	}
	return input + "." + b64.EncodeToString(sig), nil
}
