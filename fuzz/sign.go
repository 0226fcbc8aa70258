package fuzz

import (
	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// payloadSigner signs one payload for each subject with the subject's
// conformance.SigningAlg, once per algorithm: the subjects mostly share
// one, so an input costs one signature however many adapters judge it.
type payloadSigner struct {
	payload []byte
	done    []signedPayload
}

// signedPayload is the payload signed with one algorithm.
type signedPayload struct {
	token string
	key   adapters.Key
}

// sign returns the token for a and the key that verifies it; an error
// means the harness has a key for none of a's algorithms, which makes the
// input unsupported for a.
func (ps *payloadSigner) sign(a adapters.Adapter) (string, adapters.Key, error) {
	if alg, ok := conformance.SigningAlg(a); ok {
		for _, d := range ps.done {
			if d.key.Alg == alg {
				return d.token, d.key, nil
			}
		}
	}
	token, key, err := conformance.Sign(a, ps.payload)
	if err != nil {
		return "", adapters.Key{}, err
	}
	ps.done = append(ps.done, signedPayload{token, key})
	return token, key, nil
}
