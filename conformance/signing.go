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

// algFamily is the kind of key a JWS algorithm verifies with (RFC 7518
// 3.1): HMAC secrets, RSA keys (RS and PS), EC keys, or EdDSA's OKP keys.
func algFamily(alg string) string {
	switch {
	case alg == "EdDSA":
		return "EdDSA"
	case len(alg) >= 2 && (alg[:2] == "HS" || alg[:2] == "ES"):
		return alg[:2]
	case len(alg) >= 2 && (alg[:2] == "RS" || alg[:2] == "PS"):
		return "RSA"
	}
	return alg
}

// Verifies reports whether adapter a can verify a token signed with alg,
// and when it cannot, why. Adapters declare the harness algorithms they
// verify (adapters.Algorithms); an algorithm beyond those (RS384, PS256)
// counts as verified when a declares one with the same kind of key, so a
// library that verifies only asymmetric algorithms (go-oidc, cap) is not
// asked to verify an HMAC token, and one without EdDSA (tink) an EdDSA
// token. A token a cannot verify is unsupported for it, not a rejection.
func Verifies(a adapters.Adapter, alg string) (ok bool, why string) {
	declared := adapters.Algorithms(a)
	for _, d := range declared {
		if d == alg || algFamily(d) == algFamily(alg) {
			return true, ""
		}
	}
	return false, fmt.Sprintf("adapter %s verifies %s, no %s", a.Name(), strings.Join(declared, ", "), alg)
}

// UnsupportedAlg is the outcome of a token that adapter a cannot verify
// (see Verifies): unsupported, with why.
func UnsupportedAlg(why string) adapters.Outcome {
	return adapters.Outcome{Verdict: adapters.Unsupported, Error: why}
}
