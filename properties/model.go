package properties

import (
	"math/big"
	"strconv"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// statefulModel: RFC 7519 4.1.4-4.1.6 over a session. A rapid state
// machine mints tokens (harness claims sets near the current clock, or
// tokens from a library's own minter), moves the clock forward or back by
// nanoseconds, seconds or the leeway, changes the leeway, and verifies any
// token minted so far: every verification agrees with the RFC on the
// claims the token actually carries (its payload bytes, not the values a
// minter was asked for, which it may round) at the current clock and
// leeway, so a verifier with no deviation holds the law whatever the
// minters write.
var statefulModel = Property{
	Name:   "stateful-model",
	Clause: "RFC 7519 4.1.4-4.1.6",
	Law:    "a session of minting, moving the clock, changing the leeway and verifying never disagrees with the RFC on the claims each token carries",
	body: func(pc *propCase) {
		m := &sessionModel{pc: pc, now: GenInstant().Draw(pc.t, "start")}
		m.lw = pc.leeway()
		pc.t.Repeat(map[string]func(*rapid.T){
			"mint":    m.mint,
			"mintLib": m.mintLib,
			"advance": m.advance,
			"leeway":  m.setLeeway,
			"verify":  m.verify,
		})
	},
}

// sessionModel is the state of one stateful-model case.
type sessionModel struct {
	pc     *propCase
	now    *big.Int // nanoseconds
	lw     time.Duration
	tokens []sessionToken
}

// sessionToken is a token minted in the session.
type sessionToken struct {
	token, alg string
	// payload is the claims set the token carries, which the law judges.
	payload []byte
	// asked is the claims set a minter was asked to write, for messages:
	// a minter may round, and what it wrote is what counts.
	asked []byte
}

// sessionAlgs are the algorithms a session signs with: the cheap ones the
// adapter verifies, since a session signs many tokens; algorithm-invariance
// covers the rest.
func (m *sessionModel) sessionAlgs() []string {
	var out []string
	for _, alg := range m.pc.algs() {
		if alg == "HS256" || alg == "EdDSA" {
			out = append(out, alg)
		}
	}
	if len(out) == 0 {
		out = []string{m.pc.alg()} // an adapter of asymmetric algorithms alone
	}
	return out
}

func (m *sessionModel) mint(t *rapid.T) {
	cs := GenClaimsSet(m.now, NearValid).Draw(t, "claims")
	alg := rapid.SampledFrom(m.sessionAlgs()).Draw(t, "alg")
	p := cs.Bytes()
	m.tokens = append(m.tokens, sessionToken{token: signCached(alg, p), alg: alg, payload: p, asked: p})
}

func (m *sessionModel) mintLib(t *rapid.T) {
	ms := m.pc.opts.minters()
	if len(ms) == 0 {
		t.Skip("no minter")
	}
	mn := ms[rapid.IntRange(0, len(ms)-1).Draw(t, "minter")]
	alg := rapid.SampledFrom(m.sessionAlgs()).Draw(t, "alg")
	n := new(big.Int).Add(m.now, GenOffset(m.lw).Draw(t, "expOffset"))
	at, ok := clockAt(n)
	if !ok || at.IsZero() {
		t.Skip("exp outside the clock range")
	}
	token, payload, err := mint(mn, adapters.MintClaims{Exp: at}, alg)
	if err != nil {
		m.pc.broken("%s cannot mint exp %s: %v", mn.Name(), nanosLiteral(n), err)
	}
	asked := ClaimsSet{Members: []Member{TimeClaim(adapters.Exp, nanosLiteral(n))}}.Bytes()
	m.tokens = append(m.tokens, sessionToken{token: token, alg: alg, payload: payload, asked: asked})
}

func (m *sessionModel) advance(t *rapid.T) {
	step := GenOffset(m.lw).Draw(t, "step")
	if rapid.IntRange(0, 4).Draw(t, "jump") == 4 {
		step = big.NewInt(rapid.SampledFrom([]int64{3600e9, 86400e9, -3600e9}).Draw(t, "jumpBy"))
	}
	n := new(big.Int).Add(m.now, step)
	if _, ok := clockAt(n); !ok {
		t.Skip("clock would leave the clock range")
	}
	m.now = n
}

func (m *sessionModel) setLeeway(t *rapid.T) {
	if !m.pc.explicit() {
		t.Skip("no leeway is passed: the defaults mode, or an adapter that cannot express one")
	}
	m.lw = GenLeeway().Draw(t, "leeway")
}

func (m *sessionModel) verify(t *rapid.T) {
	if len(m.tokens) == 0 {
		t.Skip("nothing minted yet")
	}
	tok := m.tokens[rapid.IntRange(0, len(m.tokens)-1).Draw(t, "token")]
	now, _ := clockAt(m.now)
	c := m.pc.check(now, m.lw)
	label := "verify"
	if string(tok.asked) != string(tok.payload) {
		label = "verify, asked for " + string(tok.asked)
	}
	o := m.pc.verifyToken(label, tok.token, tok.payload, c, tok.alg)
	want := m.pc.calls[len(m.pc.calls)-1].rfc // the RFC on the bytes the token carries
	if _, known := acceptance(o); known {
		m.pc.law(want.Allows(oracle.Verdict(o.Verdict)), len(m.pc.calls)-1, "at now=%s leeway=%s the RFC says %s, the library gave %s",
			vectors.FormatTime(now), leewayText(c), want.Verdict, o)
	}
}

// integerModel: RFC 7519 4.1.4-4.1.6 on the plainest tokens: claims that
// are integers in canonical form, no duplicates, no oddities. A second,
// deliberately simple model in int64 nanoseconds (exp valid iff
// now < exp + leeway, nbf iff now >= nbf - leeway, a future iat either
// way, a missing required claim rejected) must agree with the oracle, or
// the harness is wrong and the check fails whatever the library does; the
// library must agree with the model.
var integerModel = Property{
	Name:   "integer-model",
	Clause: "RFC 7519 4.1.4-4.1.6",
	Law:    "on integer claims the library agrees with a simple int64 model of the RFC, and so does the oracle",
	body: func(pc *propCase) {
		t := pc.t
		const limit = 1 << 32 // seconds: every sum below stays in int64 nanoseconds
		var lw int64
		if pc.explicit() {
			lw = rapid.OneOf(rapid.SampledFrom([]int64{0, 1, 1e9, 60e9}), rapid.Int64Range(0, 3600e9)).Draw(t, "leeway")
		}
		anchor := rapid.Int64Range(-limit, limit).Draw(t, "anchor")
		var cs ClaimsSet
		claims := map[adapters.Claim]int64{}
		for _, name := range adapters.TimeClaims {
			if rapid.Bool().Draw(t, "omit") {
				continue
			}
			v := anchor + rapid.Int64Range(-120, 120).Draw(t, "offset")
			claims[name] = v
			cs.Members = append(cs.Members, TimeClaim(name, strconv.FormatInt(v, 10)))
		}
		var require []adapters.Claim
		if pc.explicit() {
			for _, name := range adapters.TimeClaims {
				if pc.s.Adapter.Supports(adapters.RequireFeature(name)) && rapid.IntRange(0, 3).Draw(t, "require") == 3 {
					require = append(require, name)
				}
			}
		}
		// The clock sits near a claim's boundary (exp + leeway, nbf -
		// leeway, iat) or near the anchor.
		bases := []int64{anchor * 1e9}
		for _, name := range adapters.TimeClaims {
			if v, ok := claims[name]; ok {
				bases = append(bases, v*1e9+lw, v*1e9-lw, v*1e9)
			}
		}
		nowNs := rapid.SampledFrom(bases).Draw(t, "base") +
			rapid.OneOf(rapid.SampledFrom([]int64{0, -1, 1, -1e9, 1e9}), rapid.Int64Range(-120e9, 120e9)).Draw(t, "nowOffset")
		now := time.Unix(0, nowNs).UTC()
		c := pc.check(now, time.Duration(lw))
		c.Require = require
		payload := cs.Bytes()
		model := simpleModel(claims, nowNs, lw, require)
		o := pc.verify("token", payload, c, pc.alg())
		if rfc := oracle.Judge(payload, c.RFC()); rfc.Verdict != model {
			pc.broken("the oracle says %s (%v), the simple model %s, for %s at now=%s leeway=%s require=%v",
				rfc.Verdict, rfc.Reasons, model, payload, vectors.FormatTime(now), time.Duration(lw), require)
		}
		if _, known := acceptance(o); known {
			pc.law(model == oracle.Either || (model == oracle.Accept) == (o.Verdict == adapters.Accept), 0,
				"the model says %s, the library gave %s", model, o)
		}
	},
}

// simpleModel is RFC 7519 4.1.4-4.1.6 on integer claims in int64
// nanoseconds, written without the oracle's machinery.
func simpleModel(claims map[adapters.Claim]int64, nowNs, lw int64, require []adapters.Claim) oracle.Verdict {
	for _, r := range require {
		if _, ok := claims[r]; !ok {
			return oracle.Reject
		}
	}
	if exp, ok := claims[adapters.Exp]; ok && !(nowNs < exp*1e9+lw) {
		return oracle.Reject
	}
	if nbf, ok := claims[adapters.Nbf]; ok && !(nowNs >= nbf*1e9-lw) {
		return oracle.Reject
	}
	if iat, ok := claims[adapters.Iat]; ok && iat*1e9 > nowNs {
		return oracle.Either
	}
	return oracle.Accept
}
