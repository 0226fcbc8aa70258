package conformance

import (
	"fmt"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// SigningAlg is the algorithm the harness signs every payload with for
// adapter a: the first of adapters.Algorithms(a) the harness has a key for.
// It is the one place that choice is made, so that vectors, must-hold
// checks, inference, properties and fuzz targets sign alike. ok is false
// when the harness has a key for none of them.
func SigningAlg(a adapters.Adapter) (alg string, ok bool) {
	for _, alg := range adapters.Algorithms(a) {
		if jws.HasKey(alg) {
			return alg, true
		}
	}
	return "", false
}

// KeyFor is the harness verification key for alg, as Options carries it.
func KeyFor(alg string) (adapters.Key, error) {
	s, err := jws.SignerFor(alg)
	if err != nil {
		return adapters.Key{}, err
	}
	return adapters.Key{Alg: alg, Public: s.Public}, nil
}

// Sign signs payload for adapter a with SigningAlg(a), returning the token
// and the key that verifies it.
func Sign(a adapters.Adapter, payload []byte) (token string, key adapters.Key, err error) {
	alg, ok := SigningAlg(a)
	if !ok {
		return "", adapters.Key{}, fmt.Errorf("harness: adapter %s verifies %s; the harness signs only with %s",
			a.Name(), strings.Join(adapters.Algorithms(a), ", "), strings.Join(jws.Algorithms(), ", "))
	}
	if key, err = KeyFor(alg); err != nil {
		return "", adapters.Key{}, err
	}
	token, err = jws.SignAs(alg, payload)
	return token, key, err
}

// noSigningAlg is the outcome of a test the harness cannot sign for a:
// unsupported, like any other option the adapter cannot express.
func noSigningAlg(err error) adapters.Outcome {
	return adapters.Outcome{Verdict: adapters.Unsupported, Error: err.Error()}
}
