package fuzz

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/oracle"
)

// ProbeNow is the clock of the robustness targets: the vectors' usual one.
var ProbeNow = time.Unix(1700000000, 0).UTC()

// probeOptions is what the robustness targets ask: verification key key,
// ProbeNow and an explicit leeway of zero, which every adapter but
// go-jose's Validate can express; that one is probed with its defaults.
func probeOptions(a adapters.Adapter, key adapters.Key) adapters.Options {
	c := oracle.Query{Now: ProbeNow, SetLeeway: true}
	if !a.Supports(adapters.FeatureLeeway) {
		c.SetLeeway = false
	}
	return conformance.OptionsFor(c, key)
}

// hmacKey is the key of the targets whose tokens are the fuzzer's own
// bytes or are signed over a fuzzed header: those are HS256 whatever the
// adapter verifies, since what they probe is parsing, which comes first.
func hmacKey() adapters.Key {
	key, err := conformance.KeyFor(adapters.DefaultAlgorithm)
	if err != nil {
		panic(err) // the harness key always exists
	}
	return key
}

// probeToken probes token with each subject under probeOptions.
func (p *Prober) probeToken(ctx context.Context, target, token string) []Anomaly {
	var out []Anomaly
	key := hmacKey()
	for _, s := range p.Subjects {
		one := Prober{Subjects: []conformance.Subject{s}, Timeout: p.Timeout, counter: p.counter}
		out = append(out, one.Probe(ctx, target, token, probeOptions(s.Adapter, key))...)
	}
	return out
}

// CheckClaims is the robustness check over arbitrary claims-set bytes:
// the harness signs payload with each adapter's conformance.SigningAlg so
// that it passes the signature check and reaches the library's claims
// parser.
func (p *Prober) CheckClaims(ctx context.Context, payload []byte) []Anomaly {
	if len(payload) > MaxInput {
		return nil
	}
	ps := payloadSigner{payload: payload}
	var out []Anomaly
	for _, s := range p.Subjects {
		token, key, err := ps.sign(s.Adapter)
		if err != nil {
			continue // unsupported: no harness key for the adapter's algorithms
		}
		one := Prober{Subjects: []conformance.Subject{s}, Timeout: p.Timeout, counter: p.counter}
		out = append(out, one.Probe(ctx, "Claims", token, probeOptions(s.Adapter, key))...)
	}
	return out
}

// CheckToken is the robustness check over arbitrary whole tokens: the
// segments, dots, base64 padding and headers are the fuzzer's.
func (p *Prober) CheckToken(ctx context.Context, token string) []Anomaly {
	if len(token) > MaxInput {
		return nil
	}
	return p.probeToken(ctx, "Token", token)
}

// CheckHeader is the robustness check over arbitrary protected headers:
// the harness signs header and payload with the HS256 key, so header
// parsing is reached with a valid signature.
func (p *Prober) CheckHeader(ctx context.Context, header, payload []byte) []Anomaly {
	if len(header)+len(payload) > MaxInput {
		return nil
	}
	s, err := jws.SignerFor("HS256")
	if err != nil {
		panic(err) // the harness key always exists
	}
	token, err := jws.SignWithHeader(s, header, payload)
	if err != nil {
		panic(err)
	}
	return p.probeToken(ctx, "Header", token)
}

// CheckOracle checks the oracle on payload at clock c: it must not panic,
// must be deterministic, and must agree with encoding/json on whether
// payload is a JSON object. It returns a description of any disagreement.
//
// Where RFC 8259 leaves a point to the parser, the two may differ and the
// check looks away: invalid UTF-8 (encoding/json does not check it; RFC
// 7519 7.2 requires it), a byte-order mark (RFC 8259 8.1 lets a parser
// ignore it; encoding/json does not), and nesting past encoding/json's
// limit of 10000 (RFC 8259 9 allows a limit).
func CheckOracle(payload []byte, c oracle.Query) error {
	j := oracle.Judge(payload, c)
	if again := oracle.Judge(payload, c); fmt.Sprint(again) != fmt.Sprint(j) {
		return fmt.Errorf("oracle is not deterministic on %s: %+v, then %+v", Quote(payload), j, again)
	}
	if len(payload) > MaxInput || !utf8.Valid(payload) || (len(payload) >= 3 && string(payload[:3]) == "\xef\xbb\xbf") {
		return nil
	}
	if nestingDepth(payload) > jsonMaxDepth {
		return nil
	}
	jsonObject := json.Valid(payload) && firstByte(payload) == '{'
	oracleObject := !NotAnObject(j)
	if jsonObject != oracleObject {
		return fmt.Errorf("encoding/json and the oracle disagree on %s: encoding/json says object=%t, the oracle %s %v (%v)",
			Quote(payload), jsonObject, j.Verdict, j.Classes, j.Reasons)
	}
	return nil
}

// NotAnObject reports whether an oracle judgement says the claims set is
// no JSON object: a rejection whose only class is malformed_token. Every
// other malformed_token reason of the pure oracle (duplicates, a lone
// surrogate, deep nesting) leaves the choice open, so it never stands alone
// in a rejection.
func NotAnObject(j oracle.Judgement) bool {
	return j.Verdict == oracle.Reject && len(j.Classes) == 1 && j.Classes[0] == adapters.MalformedToken
}

// jsonMaxDepth is encoding/json's nesting limit.
const jsonMaxDepth = 10000

// nestingDepth is the deepest nesting of arrays and objects in b, counting
// brackets outside strings; b need not be valid JSON.
func nestingDepth(b []byte) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// firstByte is the first byte of b past JSON whitespace, or 0.
func firstByte(b []byte) byte {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// Quote renders b for a message, cut to its first and last 100 bytes when
// it is longer, so that a failure on a huge input stays readable.
func Quote(b []byte) string {
	if len(b) <= 240 {
		return fmt.Sprintf("%q", b)
	}
	return fmt.Sprintf("%q ... (%d bytes) ... %q", b[:100], len(b), b[len(b)-100:])
}
