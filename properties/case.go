package properties

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// propCase is one case of one property check: the calls made so far and
// what to do when one disagrees with the law or the profile.
type propCase struct {
	t     *rapid.T
	ctx   context.Context
	s     conformance.Subject
	kind  Standard
	opts  PropertyOptions
	sem   oracle.Model
	rec   *failureRecord
	calls []propCall
}

// propCall is one library call of a case, judged both ways.
type propCall struct {
	label   string
	payload []byte
	check   oracle.Query
	alg     string
	outcome adapters.Outcome
	rfc     oracle.Judgement
	profile oracle.Judgement
}

// explicit reports whether the case passes a leeway and required claims
// to the library (see explicitIn).
func (pc *propCase) explicit() bool { return explicitIn(pc.s, pc.opts) }

// leeway draws a leeway in the explicit mode; in the defaults mode, or
// when the adapter cannot express one, the case passes none and the law is
// judged with leeway 0.
func (pc *propCase) leeway() time.Duration {
	if !pc.explicit() {
		return 0
	}
	return GenLeeway().Draw(pc.t, "leeway")
}

// check is the check at now with leeway lw: lw passed through the
// library's options in the explicit mode, the clock alone in the defaults
// mode.
func (pc *propCase) check(now time.Time, lw time.Duration) oracle.Query {
	if !pc.explicit() {
		return oracle.Query{Now: now}
	}
	return oracle.Query{Now: now, Leeway: lw, SetLeeway: true}
}

// verify signs payload with the harness key for alg and verifies it.
func (pc *propCase) verify(label string, payload []byte, c oracle.Query, alg string) adapters.Outcome {
	return pc.verifyToken(label, signCached(alg, payload), payload, c, alg)
}

// verifyToken verifies token, whose claims set is payload, and judges the
// outcome. In the fidelity check an outcome the profile does not predict
// ends the case.
func (pc *propCase) verifyToken(label, token string, payload []byte, c oracle.Query, alg string) adapters.Outcome {
	key, err := conformance.KeyFor(alg)
	if err != nil {
		pc.t.Fatalf("harness: %v", err)
	}
	opts := conformance.OptionsFor(c, key)
	o := harness.Call(pc.ctx, pc.s.Adapter, token, opts, pc.opts.Timeout)
	pc.calls = append(pc.calls, propCall{
		label: label, payload: payload, check: c, alg: alg, outcome: o,
		rfc:     oracle.Judge(payload, c.RFC()),
		profile: pc.sem.Judge(payload, c),
	})
	i := len(pc.calls) - 1
	switch {
	case pc.kind == ProfileStandard && !conformance.Explains(pc.calls[i].profile, o):
		pc.fail(i, fmt.Sprintf("unexplained: the profile predicts %s, the library gave %s", pc.calls[i].profile.Verdict, o))
	case pc.kind == LawStandard && (o.Verdict == adapters.Panic || o.Verdict == adapters.Timeout):
		pc.fail(i, fmt.Sprintf("the library gave %s", o.Verdict))
	}
	return o
}

// law ends the case in the law check when ok is false; primary is the
// index of the call that breaks the law.
func (pc *propCase) law(ok bool, primary int, format string, args ...any) {
	if ok || pc.kind != LawStandard {
		return
	}
	pc.fail(primary, fmt.Sprintf(format, args...))
}

// broken ends the case in either check: the harness itself is wrong.
func (pc *propCase) broken(format string, args ...any) {
	pc.fail(len(pc.calls)-1, "harness: "+fmt.Sprintf(format, args...))
}

// fail records the case as a counterexample and stops it. Every failure
// ends here, so rapid sees one traceback per property and may shrink a
// counterexample of one kind into a smaller one of another.
//
// rapid accepts a shrunk case only when a second run fails with the same
// message, so the message it sees leaves out the library's error texts:
// a text may vary from run to run while the verdict and class do not (cap
// names whichever case-folded collision Go's map iteration meets first),
// and a varying message would stop the shrinking at a random step. The
// recorded detail keeps the texts.
func (pc *propCase) fail(primary int, why string) {
	if pc.rec != nil {
		pc.rec.set(pc.counterexample(primary, pc.describe(why, true)), pc.severity(), pc.explained())
	}
	pc.t.Fatalf("%s", pc.describe(why, false))
}

// describe lists every call of the case, after why, with the library's
// error texts when texts is true.
func (pc *propCase) describe(why string, texts bool) string {
	var b strings.Builder
	b.WriteString(why)
	for _, c := range pc.calls {
		fmt.Fprintf(&b, "\n  %s: %s now=%s leeway=%s", c.label, c.payload, vectors.FormatTime(c.check.Now), leewayText(c.check))
		if c.check.MaxAge > 0 {
			fmt.Fprintf(&b, " maxAge=%s", c.check.MaxAge)
		}
		fmt.Fprintf(&b, " alg=%s -> %s", c.alg, c.outcome)
		if texts && c.outcome.Error != "" {
			fmt.Fprintf(&b, " (%q)", c.outcome.Error)
		}
		fmt.Fprintf(&b, "; RFC %s, profile %s", c.rfc.Verdict, c.profile.Verdict)
	}
	return b.String()
}

// counterexample is the case as a Counterexample centred on call i.
func (pc *propCase) counterexample(i int, detail string) *conformance.Counterexample {
	cx := &conformance.Counterexample{Detail: detail}
	if i >= 0 && i < len(pc.calls) {
		c := pc.calls[i]
		cx.Payload = string(c.payload)
		cx.Now = vectors.FormatTime(c.check.Now)
		if c.check.SetLeeway {
			cx.Leeway = c.check.Leeway.String()
		}
		if c.check.MaxAge > 0 {
			cx.MaxAge = c.check.MaxAge.String()
		}
	}
	return cx
}

// severity is the gravest grade of any call of the case against the RFC.
func (pc *propCase) severity() conformance.Severity {
	worst := conformance.None
	for _, c := range pc.calls {
		if g := conformance.Grade(c.payload, c.check, c.outcome, c.rfc); g.Worse(worst) {
			worst = g
		}
	}
	return worst
}

// explained reports whether the profile predicts every outcome of the case.
func (pc *propCase) explained() bool {
	for _, c := range pc.calls {
		if !conformance.Explains(c.profile, c.outcome) {
			return false
		}
	}
	return true
}

func leewayText(c oracle.Query) string {
	if !c.SetLeeway {
		return "default"
	}
	return c.Leeway.String()
}

// acceptance reports what an outcome says about acceptance: known is false
// for an outcome that says nothing (unsupported).
func acceptance(o adapters.Outcome) (ok, known bool) {
	switch o.Verdict {
	case adapters.Accept:
		return true, true
	case adapters.Unsupported:
		return false, false
	}
	return false, true
}

// signCached is the harness token for payload under alg (jws.SignAs keeps
// tokens for the process, so an ES256 case replays the same token).
func signCached(alg string, payload []byte) string {
	tok, err := jws.SignAs(alg, payload)
	if err != nil {
		panic(err) // alg comes from sigAlgs
	}
	return tok
}

// algs lists the harness algorithms the adapter declares it verifies
// (adapters.Algorithms), in its order, so that the first is SigningAlg:
// a library that cannot verify EdDSA is not measured on it.
func algs(s conformance.Subject) []string {
	var out []string
	for _, alg := range adapters.Algorithms(s.Adapter) {
		if _, err := jws.SignerFor(alg); err == nil {
			out = append(out, alg)
		}
	}
	return out
}

// alg is the algorithm the case signs with when the law is not about
// algorithms: SigningAlg of the case's adapter.
func (pc *propCase) alg() string {
	algs := pc.algs()
	if len(algs) == 0 {
		pc.t.Fatalf("harness: adapter %s verifies %v; the harness has a key for none", pc.s.Adapter.Name(), adapters.Algorithms(pc.s.Adapter))
	}
	return algs[0]
}

// algs lists the algorithms the case's adapter verifies.
func (pc *propCase) algs() []string { return algs(pc.s) }
