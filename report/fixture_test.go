package report

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// fakeAdapter is an adapter that is never called: the fixtures give its
// outcomes by hand, since the report runs no library.
type fakeAdapter struct {
	name   string
	module adapters.Module
}

func (a fakeAdapter) Name() string                   { return a.name }
func (a fakeAdapter) Module() adapters.Module        { return a.module }
func (a fakeAdapter) Supports(adapters.Feature) bool { return true }
func (a fakeAdapter) Verify(context.Context, string, adapters.Options) adapters.Outcome {
	panic("report fixtures never verify")
}

func subject(name, path, version string, devs ...conformance.DeviationRef) conformance.Subject {
	return conformance.Subject{
		Adapter: fakeAdapter{name, adapters.Module{Path: path, Version: version}},
		Profile: conformance.Profile{Schema: conformance.ProfileSchema, Adapter: name, Deviations: devs,
			Record: &conformance.Record{Adapter: name, Module: path + "@" + version}},
	}
}

func vector(id, comment, clause, payload, now, leeway string, require []adapters.Claim, flags ...string) vectors.Vector {
	at, err := vectors.ParseTime(now)
	if err != nil {
		panic(err)
	}
	lw, err := time.ParseDuration(leeway)
	if err != nil {
		panic(err)
	}
	topic, _, _ := strings.Cut(id, "/")
	return vectors.Vector{ID: id, File: topic + ".json", Comment: comment, RFC: clause, Payload: []byte(payload),
		Now: at, NowText: now, Leeway: lw, Require: require, Flags: flags}
}

// result judges a hand-given outcome as the Evaluator would, with the
// real oracle and profile.
func result(s conformance.Subject, v vectors.Vector, m conformance.Mode, o adapters.Outcome) conformance.Result {
	c := conformance.QueryFor(v, m)
	prof, err := s.Profile.Predict(v.Payload, c)
	if err != nil {
		panic(err)
	}
	r := conformance.Result{
		Adapter: s.Adapter.Name(), Vector: v.ID, Mode: m, Alg: "HS256", Token: jws.HS256(v.Payload), Query: c,
		Outcome: o, RFC: oracle.Judge(v.Payload, c.RFC()), Profile: prof,
	}
	r.Severity = conformance.Grade(v.Payload, c, r.Outcome, r.RFC)
	r.Explained = conformance.Explains(r.Profile, r.Outcome)
	if r.Severity != conformance.None && r.Explained {
		if r.RootCauses, err = conformance.NewPredictor(v.Payload).RootCauses(s.Profile, c, o); err != nil {
			panic(err)
		}
	}
	return r
}

var (
	accept = adapters.Accepted()
	expire = adapters.Outcome{Verdict: adapters.Reject, Class: adapters.Expired, Error: "token is expired"}
	badTok = adapters.Outcome{Verdict: adapters.Reject, Class: adapters.MalformedToken, Error: "invalid character 'ï' looking for beginning of value\nat offset 0"}
	badClm = adapters.Outcome{Verdict: adapters.Reject, Class: adapters.MalformedClaim, Error: `"exp" | not a number: <b>"1700000001"</b>`}
	panics = adapters.Outcome{Verdict: adapters.Panic, Error: "runtime error: index out of range [3] with length 3", Stack: "goroutine 7 [running]:\n..."}
	unsupp = adapters.NotSupported(adapters.FeatureLeeway)
)

// fixture is a small, fixed input covering every kind of cell: agree,
// security, interop, info, unsupported, panic and unexplained; a payload
// that is not UTF-8; Markdown and HTML metacharacters in payloads and
// errors.
func fixture() Input {
	alpha := subject("alpha/v1", "example.com/alpha", "v1.2.3",
		conformance.DeviationRef{ID: "exp-inclusive", Reason: "alpha compares with <= (alpha.go:42)"},
		conformance.DeviationRef{ID: "bom-rejected", Reason: "RFC 8259 8.1 allows it"})
	beta := subject("beta/v2", "example.com/beta", "v2.0.0-rc.1",
		conformance.DeviationRef{ID: "bom-rejected", Reason: "encoding/json rejects it"},
		conformance.DeviationRef{ID: "quoted-number-accepted", Reason: "json.Number | string option"})
	vs := []vectors.Vector{
		vector("exp-boundary/exp-equals-now", "exp equals now", "RFC 7519 4.1.4", `{"exp":1700000000}`, "1700000000", "0s", nil, "Boundary"),
		vector("exp-boundary/now-1ns-before-exp", "now one nanosecond before exp", "RFC 7519 4.1.4", `{"exp":1700000000}`, "1699999999.999999999", "0s", nil, "Boundary", "FractionalNow"),
		vector("exp-boundary/exp-1s-after-now", "exp one second after now", "RFC 7519 4.1.4", `{"exp":1700000001}`, "1700000000", "0s", nil, "Boundary"),
		vector("nbf-boundary/nbf-equals-now", "nbf equals now", "RFC 7519 4.1.5", `{"nbf":1700000000}`, "1700000000", "0s", nil, "Boundary"),
		vector("json-syntax/bom", "a byte-order mark before the claims set", "RFC 8259 8.1", "\xef\xbb\xbf{\"exp\":1800000000}", "1700000000", "0s", nil),
		vector("json-syntax/invalid-utf8", "a byte 0xff inside a string", "RFC 7519 7.2", "{\"exp\":1800000000,\"x\":\"\xff\"}", "1700000000", "0s", nil),
		vector("wrong-type/quoted-exp", "exp is a string | with `backticks` and <script>", "RFC 7519 4.1.4", `{"exp":"1700000001","x":"</script><b>|`+"`"+`"}`, "1700000000", "30s", []adapters.Claim{adapters.Exp, adapters.Nbf}, "Attacker"),
	}
	outcomes := map[string][4]adapters.Outcome{ // alpha explicit, alpha defaults, beta explicit, beta defaults
		"exp-boundary/exp-equals-now":     {accept, accept, expire, expire},
		"exp-boundary/now-1ns-before-exp": {accept, accept, expire, accept},
		"exp-boundary/exp-1s-after-now":   {accept, accept, accept, accept},
		"nbf-boundary/nbf-equals-now":     {accept, accept, accept, accept},
		"json-syntax/bom":                 {badTok, badTok, badTok, accept},
		"json-syntax/invalid-utf8":        {badTok, badTok, accept, accept},
		"wrong-type/quoted-exp":           {unsupp, badClm, panics, accept},
	}
	var rs []conformance.Result
	for _, v := range vs {
		o := outcomes[v.ID]
		rs = append(rs,
			result(alpha, v, conformance.Explicit, o[0]), result(alpha, v, conformance.Defaults, o[1]),
			result(beta, v, conformance.Explicit, o[2]), result(beta, v, conformance.Defaults, o[3]))
	}
	return Input{
		Subjects:      []conformance.Subject{beta, alpha},
		Vectors:       vs,
		Results:       rs,
		VectorsDigest: "sha256:" + fmt.Sprintf("%064x", 42),
		Go:            "go1.99",
	}
}

// fixtureDocument is Build(fixture()) with the optional sections filled.
func fixtureDocument() Document {
	in := fixture()
	in.Properties = []conformance.PropertyResult{
		{Adapter: "beta/v2", Property: "leeway-monotone", Clause: "RFC 7519 4.1.4", Status: conformance.Holds, Explained: true},
		{Adapter: "alpha/v1", Property: "exp-boundary", Clause: "RFC 7519 4.1.4", Status: conformance.Fails, Severity: conformance.Security,
			Counterexample: &conformance.Counterexample{Payload: `{"exp":1700000000}`, Now: "1700000000", Leeway: "0s", Detail: "accepted at now == exp"}, Explained: true},
	}
	in.Resources = []conformance.ResourceResult{
		{Adapter: "beta/v2", Shape: "deep-nesting", Points: []conformance.ResourcePoint{{Bytes: 1000, AllocBytes: 5000}, {Bytes: 10000, AllocBytes: 900000}},
			AllocPerByte: 90, Growth: 1.96, Severity: conformance.Security, Note: "quadratic"},
	}
	in.Fuzz = []conformance.FuzzFinding{}
	in.Timelines = fixtureTimelines()
	in.Migrations = fixtureMigrations
	d, err := Build(in)
	if err != nil {
		panic(err)
	}
	return d
}

// fixtureMigrations are the fixture's migrations both ways; gamma/v1 was
// not run, so its pair is left out.
var fixtureMigrations = []MigrationPair{{From: "alpha/v1", To: "beta/v2"}, {From: "beta/v2", To: "gamma/v1"}, {From: "beta/v2", To: "alpha/v1"}}

// synthetic is a large input for benchmarks: nVectors vectors over
// nAdapters adapters in both modes, with outcomes drawn from a fixed seed
// and RFC verdicts set by hand rather than by the oracle.
func synthetic(nVectors, nAdapters int) Input {
	rng := rand.New(rand.NewPCG(1, 2))
	in := Input{VectorsDigest: "sha256:" + fmt.Sprintf("%064x", 7), Go: "go1.99"}
	for a := range nAdapters {
		in.Subjects = append(in.Subjects, subject(fmt.Sprintf("lib%02d/v1/path", a), fmt.Sprintf("example.com/lib%02d", a), "v1.0.0",
			conformance.DeviationRef{ID: "exp-inclusive", Reason: "synthetic"}))
	}
	topics := []string{"exp-boundary", "nbf-boundary", "fractional", "json-syntax", "huge-values"}
	verdicts := []oracle.Verdict{oracle.Accept, oracle.Reject, oracle.Either}
	outs := []adapters.Outcome{accept, expire, badTok, badClm, unsupp, panics}
	for i := range nVectors {
		topic := topics[i%len(topics)]
		v := vector(fmt.Sprintf("%s/synthetic-%05d", topic, i), fmt.Sprintf("synthetic vector %d", i), "RFC 7519 4.1.4",
			fmt.Sprintf(`{"exp":%d,"nbf":%d}`, 1700000000+i, 1699990000+i), "1700000000", "0s", nil, "Boundary")
		in.Vectors = append(in.Vectors, v)
		rfc := verdicts[rng.IntN(len(verdicts))]
		token := jws.HS256(v.Payload)
		for _, s := range in.Subjects {
			for _, m := range conformance.Modes {
				o := outs[rng.IntN(len(outs))]
				if rng.IntN(3) > 0 { // most libraries agree most of the time
					o = map[oracle.Verdict]adapters.Outcome{oracle.Accept: accept, oracle.Reject: expire, oracle.Either: accept}[rfc]
				}
				r := conformance.Result{Adapter: s.Adapter.Name(), Vector: v.ID, Mode: m, Token: token, Outcome: o,
					RFC:     oracle.Judgement{Verdict: rfc, Reasons: []string{"synthetic reason (RFC 7519 4.1.4)"}},
					Profile: oracle.Judgement{Verdict: rfc}}
				r.Severity = conformance.Grade(v.Payload, conformance.QueryFor(v, m), r.Outcome, r.RFC)
				r.Explained = conformance.Explains(r.Profile, r.Outcome)
				in.Results = append(in.Results, r)
			}
		}
	}
	return in
}

// fixtureTimelines are hand-given timelines of the fixture's adapters,
// since the report measures nothing: alpha accepts at exp; beta cannot
// express a leeway of 5 s and adds a minute on either side by default,
// which its profile does not predict.
func fixtureTimelines() []conformance.Timeline {
	iv := func(from string, fromIn bool, to string, toIn bool) conformance.Interval {
		return conformance.Interval{From: from, FromInclusive: fromIn, To: to, ToInclusive: toIn}
	}
	rfc0 := []conformance.Interval{iv("1700000000", true, "1700000060", false)}
	rfc5 := []conformance.Interval{iv("1699999995", true, "1700000065", false)}
	tl := func(adapter, setting string, rfc []conformance.Interval, explained bool, accepted ...conformance.Interval) conformance.Timeline {
		m, leeway := conformance.Explicit, strings.TrimPrefix(setting, "leeway-")
		if setting == "defaults" {
			m, leeway = conformance.Defaults, ""
		}
		t := conformance.Timeline{Adapter: adapter, Setting: setting, Mode: m, Leeway: leeway,
			Payload: conformance.TimelinePayload, Nbf: "1700000000", Exp: "1700000060", From: "1699999910", To: "1700000150",
			Resolution: "1ns", Accepted: []conformance.Interval{}, RFC: rfc, Explained: explained, Points: []conformance.TimelinePoint{}}
		if accepted == nil {
			t.Resolution, t.Unsupported = "1s", "adapter cannot express leeway"
			return t
		}
		t.Accepted = accepted
		for _, p := range []string{"1699999910", "1699999999.999999999", "1700000000", "1700000060", "1700000060.000000001", "1700000150"} {
			t.Points = append(t.Points, conformance.TimelinePoint{Now: p, Outcome: "accept"})
		}
		return t
	}
	return []conformance.Timeline{
		tl("beta/v2", "defaults", rfc0, false, iv("1699999940", true, "1700000120", true)),
		tl("beta/v2", "leeway-5s", rfc5, true),
		tl("beta/v2", "leeway-0s", rfc0, true, iv("1700000000", true, "1700000060", false)),
		tl("alpha/v1", "leeway-0s", rfc0, true, iv("1700000000", true, "1700000060", true)),
		tl("alpha/v1", "leeway-5s", rfc5, true, iv("1699999995", true, "1700000065", true)),
		tl("alpha/v1", "defaults", rfc0, true, iv("1700000000", true, "1700000060", true)),
	}
}
