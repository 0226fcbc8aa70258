package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/report"
)

// tokenCase is one token to put to every adapter, as check and verify
// build it.
type tokenCase struct {
	token string
	alg   string
	// header is the decoded protected header, for a profile that accepts
	// only exact header forms (oracle.Model.HeaderExactForms); nil when
	// the harness wrote it, in its own exact form.
	header  []byte
	payload []byte
	check   oracle.Query
	key     adapters.Key
	// badSignature, when set, says why the signature does not verify: the
	// RFC and every profile then expect a rejection for it.
	badSignature string
	// malformed, when set, says why the token is not a well-formed compact
	// JWS: the RFC and every profile then expect a rejection for it, but
	// see padded.
	malformed string
	// padded is true when the token's one fault is base64url '=' padding
	// and its signature verifies as written: a profile that accepts
	// padding (token.base64-padding=accept) then predicts what it predicts
	// of the claims, and an accept is graded by GradePaddedToken.
	padded bool
	// shortKey is true when the key is an HMAC secret shorter than RFC
	// 7518 3.2 requires, which a library may refuse (class key).
	shortKey bool
	// hints are lines for the user that change no verdict.
	hints []string
	// forAdapter, when set, gives each adapter a token of its own (check
	// signs with the algorithm the harness uses for it); token, alg and
	// key are then the ones most adapters get, derived by judge when
	// empty. When nil, every adapter gets token, and one that cannot
	// verify alg gets unsupported.
	forAdapter func(a adapters.Adapter) (adapterToken, error)
}

// adapterToken is the token one adapter is asked to verify.
type adapterToken struct {
	token string
	alg   string
	key   adapters.Key
	// unsupported, when set, says why the adapter cannot verify the
	// token: its outcome is unsupported, and the library is not called.
	unsupported string
}

// tokenFor is the token adapter a is asked to verify.
func (tc tokenCase) tokenFor(a adapters.Adapter) (adapterToken, error) {
	if tc.forAdapter != nil {
		return tc.forAdapter(a)
	}
	at := adapterToken{token: tc.token, alg: tc.alg, key: tc.key}
	if ok, why := conformance.Verifies(a, tc.alg); !ok {
		at.unsupported = why
	}
	return at, nil
}

// judgeAndPrint puts tc to every adapter -adapter selects and prints the
// report, as check and verify both end.
func judgeAndPrint(out io.Writer, cf clockFlags, tc tokenCase) error {
	as, err := selectAdapters(cf.adapter)
	if err != nil {
		return err
	}
	subjects, err := conformance.Subjects(as)
	if err != nil {
		return err
	}
	tr, err := judge(context.Background(), subjects, tc, cf.timeout)
	if err != nil {
		return err
	}
	return printTokenReport(out, tr, cf.json)
}

// judge verifies the token with every subject through the harness (panic
// and timeout recovery included) and judges each outcome against the RFC
// and the subject's profile.
func judge(ctx context.Context, subjects []conformance.Subject, tc tokenCase, timeout time.Duration) (report.TokenReport, error) {
	rfc := oracle.Judge(tc.payload, tc.check.RFC())
	tokenRejected := true
	switch {
	case tc.malformed != "":
		rfc = malformedRejected(tc.malformed)
	case tc.badSignature != "":
		rfc = signatureRejected(tc.badSignature)
	default:
		tokenRejected = false
	}
	pr := conformance.NewPredictor(tc.payload)
	results := make([]conformance.Result, 0, len(subjects))
	algCount := map[string]int{}
	for _, s := range subjects {
		at, err := tc.tokenFor(s.Adapter)
		if err != nil {
			return report.TokenReport{}, fmt.Errorf("%s: %w", s.Adapter.Name(), err)
		}
		prof, err := pr.Predict(s.Profile, tc.check)
		if err != nil {
			return report.TokenReport{}, fmt.Errorf("%s: %w", s.Adapter.Name(), err)
		}
		claims := prof
		if tokenRejected {
			prof = rfc
		}
		m, err := s.Profile.Model()
		if err != nil {
			return report.TokenReport{}, fmt.Errorf("%s: %w", s.Adapter.Name(), err)
		}
		paddingAccepted := tc.padded && m.Base64PaddingAccepted
		if paddingAccepted {
			prof = claims
		}
		if m.HeaderExactForms && tc.header != nil && !oracle.ExactHeaderForm(tc.header, tc.alg) {
			prof = oracle.Judgement{Verdict: oracle.Reject, Classes: []adapters.Class{adapters.Signature},
				Reasons: []string{fmt.Sprintf("the header %s is not one of the exact forms the library compares against (token.header=exact-forms)", tc.header)}}
		}
		r := conformance.Result{
			Adapter: s.Adapter.Name(),
			Alg:     at.alg,
			Token:   at.token,
			Query:   tc.check,
			RFC:     rfc,
			Profile: prof,
		}
		if at.unsupported != "" {
			r.Outcome = conformance.UnsupportedAlg(at.unsupported)
		} else {
			r.Outcome = harness.Call(ctx, s.Adapter, at.token, conformance.OptionsFor(tc.check, at.key), timeout)
			algCount[at.alg]++
		}
		if tc.padded {
			r.Severity = conformance.GradePaddedToken(tc.payload, tc.check, r.Outcome, r.RFC)
		} else {
			r.Severity = conformance.Grade(tc.payload, tc.check, r.Outcome, r.RFC)
		}
		// A secret RFC 7518 3.2 calls too short may be refused by policy:
		// profiles judge claims, not keys, so the RFC explains that one.
		keyRefused := tc.shortKey && r.Outcome.Verdict == adapters.Reject && r.Outcome.Class == adapters.KeyRefused
		r.Explained = conformance.Explains(r.Profile, r.Outcome) || keyRefused
		if r.Severity != conformance.None && r.Explained && (!tokenRejected || paddingAccepted && r.Outcome.Verdict == adapters.Accept) {
			if r.RootCauses, err = pr.RootCauses(s.Profile, tc.check, r.Outcome); err != nil {
				return report.TokenReport{}, fmt.Errorf("%s: %w", s.Adapter.Name(), err)
			}
			if tokenRejected {
				pad, err := conformance.PaddingRootCauses(s.Profile)
				if err != nil {
					return report.TokenReport{}, fmt.Errorf("%s: %w", s.Adapter.Name(), err)
				}
				r.RootCauses = slices.Compact(slices.Sorted(slices.Values(append(r.RootCauses, pad...))))
			}
		}
		results = append(results, r)
	}
	if tc.token == "" {
		tc.token, tc.alg = mostUsedToken(results, algCount)
	}
	return report.NewTokenReport(report.TokenInput{
		Token: tc.token, Alg: tc.alg, Payload: tc.payload, Query: tc.check,
		RFC: rfc, Subjects: subjects, Results: results, Hints: tc.hints,
	}), nil
}

// mostUsedToken is the token of the algorithm the most adapters were
// asked to verify (the first such result on a tie), for the report's
// header: the others show their own.
func mostUsedToken(results []conformance.Result, algCount map[string]int) (token, alg string) {
	best := -1
	for _, r := range results {
		if n, ok := algCount[r.Alg]; ok && n > best {
			best, token, alg = n, r.Token, r.Alg
		}
	}
	return token, alg
}

// malformedRejected is the judgement on a token that is not a compact JWS
// as RFC 7515 7.1 defines it (three base64url parts, without padding, RFC
// 7515 2): RFC 7519 7.2 steps 1-6 reject it whatever its claims say.
func malformedRejected(why string) oracle.Judgement {
	return oracle.Judgement{
		Verdict: oracle.Reject,
		Classes: []adapters.Class{adapters.MalformedToken},
		Reasons: []string{why + " (RFC 7515 2 and 7.1, RFC 7519 7.2)"},
	}
}

// signatureRejected is the judgement on a token whose signature does not
// verify: RFC 7519 7.2 step 7 and RFC 7515 5.2 require rejection whatever
// the claims say.
func signatureRejected(why string) oracle.Judgement {
	return oracle.Judgement{
		Verdict: "reject",
		Classes: []adapters.Class{adapters.Signature},
		Reasons: []string{why + " (RFC 7515 5.2, RFC 7519 7.2)"},
	}
}

// printTokenReport writes the report as text or JSON.
func printTokenReport(out io.Writer, t report.TokenReport, asJSON bool) error {
	if asJSON {
		return report.WriteTokenJSON(out, t)
	}
	return report.WriteTokenText(out, t)
}
