package properties

import (
	"encoding/base64"
	"fmt"
	"math/big"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/oracle"
)

// issuance: RFC 7519 2 lets a NumericDate be non-integer, and 4.1.4-4.1.6
// judge the instants a token carries. A token minted by a library's own
// claims-building API (each registered adapters.Minter, asked for exp, nbf
// and iat at instants with sub-second parts, signed with any harness
// algorithm) is accepted exactly when the RFC accepts the claims the
// minted token carries: its payload bytes, decoded from the token, with
// the clock drawn near their boundaries. A minter that rounds (asked for an
// exp of 1700000000.7, it writes 1700000000) changes what the token says,
// not what a verifier must do with it, so a verifier with no deviation
// holds the law whatever the minters write; the message of a failure still
// shows what the minter was asked for.
var issuance = Property{
	Name:   "issuance",
	Clause: "RFC 7519 2, 4.1.4-4.1.6",
	Law:    "a token minted by any library is accepted exactly when the RFC accepts the claims it carries",
	unsupported: func(_ conformance.Subject, o PropertyOptions) string {
		if len(o.minters()) == 0 {
			return "no minter is registered"
		}
		return ""
	},
	body: func(pc *propCase) {
		t := pc.t
		ms := pc.opts.minters()
		m := ms[rapid.IntRange(0, len(ms)-1).Draw(t, "minter")]
		alg := rapid.SampledFrom(pc.algs()).Draw(t, "alg")
		lw := pc.leeway()
		anchor := GenInstant().Draw(t, "anchor")
		var asked adapters.MintClaims
		var intended ClaimsSet
		for _, name := range adapters.TimeClaims {
			if name != adapters.Exp && rapid.Bool().Draw(t, "omit") {
				continue
			}
			n := new(big.Int).Add(anchor, GenOffset(0).Draw(t, "claimOffset"))
			at, ok := clockAt(n)
			if !ok || at.IsZero() {
				continue
			}
			switch name {
			case adapters.Exp:
				asked.Exp = at
			case adapters.Nbf:
				asked.Nbf = at
			case adapters.Iat:
				asked.Iat = at
			}
			intended.Members = append(intended.Members, TimeClaim(name, nanosLiteral(n)))
		}
		token, payload, err := mint(m, asked, alg)
		if err != nil {
			pc.broken("%s cannot mint %s: %v", m.Name(), intended, err)
		}
		now := anchorNow(t, carriedBoundaries(payload, lw), anchor, lw)
		c := pc.check(now, lw)
		o := pc.verifyToken(fmt.Sprintf("minted by %s as %s", m.Name(), payload), token, payload, c, alg)
		want := pc.calls[len(pc.calls)-1].rfc // the RFC on the bytes the token carries
		if _, known := acceptance(o); known {
			pc.law(want.Allows(oracle.Verdict(o.Verdict)), 0, "asked for %s, %s wrote %s; the RFC on the claims it carries says %s, the library gave %s",
				intended, m.Name(), payload, want.Verdict, o)
		}
	},
}

// carriedBoundaries are the instants, in nanoseconds, at which payload's
// numeric time claims are one leeway lw away from the clock: the clock
// readings where a verifier's verdict on the minted token turns.
func carriedBoundaries(payload []byte, lw time.Duration) []*big.Int {
	members, err := oracle.Members(payload)
	if err != nil {
		return nil // the law is judged on the bytes all the same
	}
	var points []*big.Int
	for _, m := range members {
		if !isTimeClaim(m.Name) || m.Kind != "number" {
			continue
		}
		if n, ok := literalNanos(m.Text); ok {
			points = append(points, new(big.Int).Sub(n, big.NewInt(int64(lw))), new(big.Int).Add(n, big.NewInt(int64(lw))))
		}
	}
	return points
}

// isTimeClaim reports whether name is exp, nbf or iat.
func isTimeClaim(name string) bool {
	for _, c := range adapters.TimeClaims {
		if name == string(c) {
			return true
		}
	}
	return false
}

// anchorNow draws a clock near one of points, or near anchor.
func anchorNow(t *rapid.T, points []*big.Int, anchor *big.Int, lw time.Duration) time.Time {
	points = append([]*big.Int{anchor}, points...)
	return nowNear(t, rapid.SampledFrom(points).Draw(t, "boundary"), lw)
}

// mint issues a token with m under the harness key for alg and returns it
// with its exact payload bytes.
func mint(m adapters.Minter, c adapters.MintClaims, alg string) (string, []byte, error) {
	s, err := jws.SignerFor(alg)
	if err != nil {
		return "", nil, err
	}
	token, err := m.Mint(c, adapters.SigningKey{Alg: alg, Private: s.Private})
	if err != nil {
		return "", nil, err
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", nil, fmt.Errorf("minted token %q is not a compact JWS", token)
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", nil, fmt.Errorf("minted token's payload: %w", err)
	}
	return token, payload, nil
}
