package main

import (
	"context"
	"fmt"
	"io"
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
	token   string
	alg     string
	payload []byte
	check   oracle.Query
	key     adapters.Key
	// badSignature, when set, says why the signature does not verify: the
	// RFC and every profile then expect a rejection for it.
	badSignature string
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
	if tc.badSignature != "" {
		rfc = signatureRejected(tc.badSignature)
	}
	opts := conformance.OptionsFor(tc.check, tc.key)
	results := make([]conformance.Result, 0, len(subjects))
	for _, s := range subjects {
		prof, err := s.Profile.Predict(tc.payload, tc.check)
		if err != nil {
			return report.TokenReport{}, fmt.Errorf("%s: %w", s.Adapter.Name(), err)
		}
		if tc.badSignature != "" {
			prof = rfc
		}
		r := conformance.Result{
			Adapter: s.Adapter.Name(),
			Alg:     tc.alg,
			Token:   tc.token,
			Query:   tc.check,
			Outcome: harness.Call(ctx, s.Adapter, tc.token, opts, timeout),
			RFC:     rfc,
			Profile: prof,
		}
		r.Severity = conformance.Grade(r.Outcome, r.RFC)
		r.Explained = conformance.Explains(r.Profile, r.Outcome)
		results = append(results, r)
	}
	return report.NewTokenReport(report.TokenInput{
		Token: tc.token, Alg: tc.alg, Payload: tc.payload, Query: tc.check,
		RFC: rfc, Subjects: subjects, Results: results,
	}), nil
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
