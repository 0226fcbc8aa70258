package jws

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"embed"
	"encoding/pem"
	"fmt"
	"sort"
	"sync"
)

//go:embed keys/*.pem
var keyFiles embed.FS

// HMACSecret is the harness's HS256 secret: 32 fixed bytes.
var HMACSecret = []byte("jwtconform-harness-hmac-secret-!")

// Signer holds a private key and the algorithm it signs with.
type Signer struct {
	// Alg is the JWS "alg" header value.
	Alg string
	// Private is the signing key: []byte for HMAC, otherwise a crypto.Signer.
	Private any
	// Public is the matching verification key.
	Public crypto.PublicKey
	// macs, for an HMAC key, holds hashes keyed with Private whose state
	// after the padded key is saved (hmac's Reset), so that a signature
	// hashes the message alone.
	macs *sync.Pool
}

// Algorithms lists the algorithms the harness can sign with, sorted.
func Algorithms() []string {
	algs := make([]string, 0, len(signers))
	for a := range signers {
		algs = append(algs, a)
	}
	sort.Strings(algs)
	return algs
}

// HasKey reports whether the harness has a key for alg, as Algorithms
// would list it, without building the list.
func HasKey(alg string) bool {
	_, ok := signers[alg]
	return ok
}

// SignerFor returns the harness signer for alg.
func SignerFor(alg string) (Signer, error) {
	s, ok := signers[alg]
	if !ok {
		return Signer{}, fmt.Errorf("jws: no harness key for alg %q", alg)
	}
	return s, nil
}

var signers = map[string]Signer{
	"HS256": {Alg: "HS256", Private: HMACSecret, Public: HMACSecret, macs: macPool(HMACSecret)},
	"RS256": asymmetric("RS256", "keys/rsa.pem"),
	"ES256": asymmetric("ES256", "keys/ec.pem"),
	"EdDSA": asymmetric("EdDSA", "keys/ed.pem"),
}

// macPool is a pool of HMAC-SHA256 hashes keyed with key.
func macPool(key []byte) *sync.Pool {
	return &sync.Pool{New: func() any {
		m := hmac.New(sha256.New, key)
		m.Reset() // saves the keyed state for every later Reset
		return m
	}}
}

// asymmetric loads an embedded PKCS #8 key; the files are part of the build,
// so a failure is a programming error.
func asymmetric(alg, name string) Signer {
	b, err := keyFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		panic("jws: no PEM block in " + name)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		panic(fmt.Sprintf("jws: %s: %v", name, err))
	}
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return Signer{Alg: alg, Private: k, Public: &k.PublicKey}
	case *ecdsa.PrivateKey:
		return Signer{Alg: alg, Private: k, Public: &k.PublicKey}
	case ed25519.PrivateKey:
		return Signer{Alg: alg, Private: k, Public: k.Public()}
	}
	panic(fmt.Sprintf("jws: %s: unexpected key type %T", name, k))
}
