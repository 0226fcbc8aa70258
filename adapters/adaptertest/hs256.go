package adaptertest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
)

// HS256Payload checks token's HS256 signature with the key in opts and
// returns its payload, or the rejection: the signature check of the
// example verifiers that stand in for a library in tests and examples.
func HS256Payload(token string, opts adapters.Options) ([]byte, *adapters.Outcome) {
	reject := func(c adapters.Class, err error) ([]byte, *adapters.Outcome) {
		o := adapters.Rejected(c, err)
		return nil, &o
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return reject(adapters.MalformedToken, errors.New("want three segments"))
	}
	secret, ok := opts.Key.Public.([]byte)
	if !ok || opts.Key.Alg != "HS256" {
		return reject(adapters.Signature, errors.New("this verifier knows HS256 only"))
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
		return reject(adapters.Signature, errors.New("bad signature"))
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return reject(adapters.MalformedToken, err)
	}
	return payload, nil
}
