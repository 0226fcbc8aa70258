package conformance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/adaptertest"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/conformancetest"
)

// stdlibAdapter is a small HS256 verifier written with the standard library
// alone, standing in for "your own library": it shows how a library author
// gates a library with conformancetest.Run. It decodes claims with
// encoding/json (numbers as json.Number), reads exp, nbf and iat as
// float64, compares exp and nbf exactly with the clock, and never compares
// iat.
type stdlibAdapter struct{}

func (stdlibAdapter) Name() string { return "example/stdlib" }
func (stdlibAdapter) Module() adapters.Module {
	return adapters.Module{Path: "example", Version: "v0.0.0"}
}

func (stdlibAdapter) Supports(f adapters.Feature) bool {
	switch f {
	case adapters.FeatureLeeway, adapters.FeatureSubSecondClock, adapters.FeatureRequireExp,
		adapters.FeatureRequireNbf, adapters.FeatureRequireIat:
		return true
	}
	return false
}

func (stdlibAdapter) Verify(_ context.Context, token string, opts adapters.Options) adapters.Outcome {
	payload, rejected := adaptertest.HS256Payload(token, opts)
	if rejected != nil {
		return *rejected
	}
	var claims map[string]any
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if err := dec.Decode(&claims); err != nil {
		return adapters.Rejected(adapters.MalformedToken, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return adapters.Rejected(adapters.MalformedToken, errors.New("trailing data after the claims set"))
	}
	for _, c := range opts.Require {
		if _, ok := claims[string(c)]; !ok {
			return adapters.Rejected(adapters.MissingClaim, errors.New(string(c)+" is required"))
		}
	}
	// Seconds and nanoseconds apart: UnixNano wraps outside 1678-2262.
	now := new(big.Rat).SetFrac(big.NewInt(int64(opts.Now.Nanosecond())), big.NewInt(1e9))
	now.Add(now, new(big.Rat).SetInt64(opts.Now.Unix()))
	leeway := new(big.Rat).SetFrac(big.NewInt(int64(opts.Leeway)), big.NewInt(1e9))
	for _, name := range []string{"exp", "nbf", "iat"} {
		v, ok := claims[name]
		if !ok {
			continue
		}
		n, ok := v.(json.Number)
		if !ok {
			return adapters.Rejected(adapters.MalformedClaim, errors.New(name+" is not a number"))
		}
		f, err := n.Float64()
		if err != nil {
			return adapters.Rejected(adapters.MalformedClaim, err)
		}
		at := new(big.Rat).SetFloat64(f)
		if name == "exp" && now.Cmp(at.Add(at, leeway)) >= 0 {
			return adapters.Rejected(adapters.Expired, errors.New("expired"))
		}
		if name == "nbf" && now.Cmp(at.Sub(at, leeway)) < 0 {
			return adapters.Rejected(adapters.NotYetValid, errors.New("not yet valid"))
		}
	}
	return adapters.Accepted()
}

// stdlibProfile declares how stdlibAdapter departs from RFC 7519; each
// deviation carries its reason, as every profile must. Nothing is recorded
// (Record is nil), so Run checks fidelity to the deviations only.
var stdlibProfile = conformance.Profile{
	Schema:  conformance.ProfileSchema,
	Adapter: "example/stdlib",
	Deviations: []conformance.DeviationRef{
		{ID: "numericdate-float64", Reason: "RFC 7519 2 allows any JSON number; json.Number.Float64 rounds to float64 and fails beyond its range"},
		{ID: "iat-ignored", Reason: "RFC 7519 4.1.6 sets no rule for iat; this verifier never compares it"},
		{ID: "malformed-iat-rejected", Reason: "RFC 7519 4.1.6: iat has no processing rule; this verifier still insists on a number"},
		{ID: "duplicates-last-wins", Reason: "RFC 7519 4: encoding/json keeps the last duplicate"},
		{ID: "nested-duplicates-accepted", Reason: "RFC 8259 4: encoding/json keeps the last duplicate at any depth"},
		{ID: "invalid-utf8-accepted", Reason: "RFC 7519 7.2: encoding/json replaces invalid UTF-8 with U+FFFD"},
		{ID: "lone-surrogate-accepted", Reason: "RFC 8259 8.2: encoding/json replaces lone surrogates with U+FFFD"},
		{ID: "bom-rejected", Reason: "RFC 8259 8.1: encoding/json rejects a byte-order mark"},
		{ID: "nesting-limit-10000", Reason: "RFC 8259 9: encoding/json stops at depth 10000"},
		{ID: "null-claims-set-accepted", Reason: "RFC 7519 7.2: decoding null into a map is a no-op"},
	},
}

// TestExampleCustomAdapter gates a library that is not built in: every
// vector in both modes, the must-hold checks and the profile's own checks.
func TestExampleCustomAdapter(t *testing.T) {
	if conformancetest.Updating() {
		t.Skip("the example's profile lives in memory, with no record to update")
	}
	conformancetest.Run(t, stdlibAdapter{}, stdlibProfile)
}
