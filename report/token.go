package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// TokenReport is how every adapter and the RFC oracle judge one token:
// what `jwtconform check` and `jwtconform verify` print.
type TokenReport struct {
	// Payload is the claims set, when it is valid UTF-8.
	Payload string `json:"payload"`
	// PayloadBase64 is the claims set in standard base64, when it is not.
	PayloadBase64 string `json:"payloadBase64,omitempty"`
	// Token is the compact JWS the adapters verified.
	Token string `json:"token"`
	// Alg is the token's JWS algorithm.
	Alg string `json:"alg"`
	// Now is the clock as decimal seconds.
	Now string `json:"now"`
	// Leeway is the leeway passed, as a Go duration; null when none was
	// passed and each library applied its own default.
	Leeway *string `json:"leeway"`
	// Require lists the claims that must be present.
	Require []adapters.Claim `json:"require"`
	// MaxAge and MaxLifetime are the maximum token age and lifetime
	// asked for, as Go durations; absent when none was.
	MaxAge      string `json:"maxAge,omitempty"`
	MaxLifetime string `json:"maxLifetime,omitempty"`
	// Mode is explicit when a leeway or a requirement was passed, defaults
	// otherwise.
	Mode conformance.Mode `json:"mode"`
	// RFC is the oracle's judgement.
	RFC TokenRFC `json:"rfc"`
	// Adapters are the adapters' outcomes, sorted by name.
	Adapters []TokenAdapter `json:"adapters"`
	// Hints are notes for the user that change no verdict, such as a
	// secret file ending in a newline when the signature does not verify.
	Hints []string `json:"hints,omitempty"`
}

// TokenRFC is the oracle's judgement of one token.
type TokenRFC struct {
	// Verdict is accept, reject or either.
	Verdict oracle.Verdict `json:"verdict"`
	// Classes are the rejection classes the RFC allows.
	Classes []adapters.Class `json:"classes,omitempty"`
	// Reason explains the verdict; empty for a plain accept.
	Reason string `json:"reason"`
}

// TokenAdapter is one adapter's outcome on one token.
type TokenAdapter struct {
	// Name is the adapter's name.
	Name string `json:"name"`
	// Module and Version identify the library from build info.
	Module  string `json:"module"`
	Version string `json:"version"`
	// Verdict is accept, reject, panic, timeout or unsupported.
	Verdict adapters.Verdict `json:"verdict"`
	// Class is the rejection class, for a reject.
	Class adapters.Class `json:"class,omitempty"`
	// Error is the library's error text.
	Error string `json:"error,omitempty"`
	// Predicted is the verdict the adapter's profile predicts.
	Predicted oracle.Verdict `json:"predicted"`
	// Profile is "explained" when the profile predicts the outcome,
	// "unexplained" otherwise.
	Profile string `json:"profile"`
	// Severity grades the outcome against the RFC: security, lenient,
	// interop, policy, info, or none when it is what the RFC requires.
	Severity string `json:"severity"`
	// RootCauses name the profile's presets or parameter values that
	// explain a departure from the RFC (conformance.Predictor.RootCauses).
	RootCauses []string `json:"rootCauses,omitempty"`
	// Alg and Token are the algorithm and token this adapter verified,
	// when they are not the report's (check signs for each adapter with
	// the algorithm the harness uses for it).
	Alg   string `json:"alg,omitempty"`
	Token string `json:"token,omitempty"`
}

// TokenInput is what a TokenReport is built from.
type TokenInput struct {
	// Token is the compact JWS.
	Token string
	// Alg is its algorithm.
	Alg string
	// Payload is its exact claims-set bytes.
	Payload []byte
	// Query is the clock, leeway and requirements it was verified under.
	Query oracle.Query
	// RFC is the oracle's judgement.
	RFC oracle.Judgement
	// Subjects are the adapters, with their profiles.
	Subjects []conformance.Subject
	// Results are the outcomes, one per subject.
	Results []conformance.Result
	// Hints are notes for the user that change no verdict.
	Hints []string
}

// NewTokenReport assembles a TokenReport.
func NewTokenReport(in TokenInput) TokenReport {
	t := TokenReport{
		Token:   in.Token,
		Alg:     in.Alg,
		Now:     vectors.FormatTime(in.Query.Now),
		Require: append([]adapters.Claim{}, in.Query.Require...),
		Mode:    conformance.Defaults,
		RFC: TokenRFC{
			Verdict: in.RFC.Verdict,
			Classes: in.RFC.Classes,
			Reason:  strings.Join(in.RFC.Reasons, "; "),
		},
		Adapters: []TokenAdapter{},
		Hints:    in.Hints,
	}
	if utf8.Valid(in.Payload) {
		t.Payload = string(in.Payload)
	} else {
		t.PayloadBase64 = base64Std.EncodeToString(in.Payload)
	}
	if in.Query.SetLeeway {
		lw := in.Query.Leeway.String()
		t.Leeway = &lw
		t.Mode = conformance.Explicit
	}
	if in.Query.MaxAge > 0 {
		t.MaxAge = in.Query.MaxAge.String()
	}
	if in.Query.MaxLifetime > 0 {
		t.MaxLifetime = in.Query.MaxLifetime.String()
	}
	modules := map[string]adapters.Module{}
	for _, s := range in.Subjects {
		modules[s.Adapter.Name()] = s.Adapter.Module()
	}
	for _, r := range in.Results {
		m := modules[r.Adapter]
		a := TokenAdapter{
			Name: r.Adapter, Module: m.Path, Version: m.Version,
			Verdict: r.Outcome.Verdict, Class: r.Outcome.Class, Error: r.Outcome.Error,
			Predicted: r.Profile.Verdict, Profile: "explained",
			Severity: cmp.Or(string(r.Severity), "none"), RootCauses: r.RootCauses,
		}
		if r.Alg != "" && r.Alg != in.Alg {
			a.Alg = r.Alg
		}
		if r.Token != "" && r.Token != in.Token {
			a.Token = r.Token
		}
		if !r.Explained {
			a.Profile = "unexplained"
		}
		t.Adapters = append(t.Adapters, a)
	}
	return t
}

// WriteTokenJSON writes the report as one indented JSON object.
func WriteTokenJSON(w io.Writer, t TokenReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t); err != nil {
		return fmt.Errorf("report: write token report: %w", err)
	}
	return nil
}

// WriteTokenText writes the report for a person: the input, the RFC's
// verdict and a table of the adapters.
func WriteTokenText(w io.Writer, t TokenReport) error {
	var b bytes.Buffer
	if t.PayloadBase64 != "" {
		fmt.Fprintf(&b, "payload  (not UTF-8) base64 %s\n", t.PayloadBase64)
	} else {
		fmt.Fprintf(&b, "payload  %s\n", truncate(oneLine(t.Payload), 2000))
	}
	lw := "library default (the RFC is applied with 0s)"
	if t.Leeway != nil {
		lw = *t.Leeway
	}
	perAdapter := slices.ContainsFunc(t.Adapters, func(a TokenAdapter) bool { return a.Alg != "" })
	alg := t.Alg
	if perAdapter {
		alg += " (other adapters: see ALG)"
	}
	fmt.Fprintf(&b, "now      %s\nleeway   %s\nrequire  %s\n", t.Now, lw, RequireList(t.Require))
	if t.MaxAge != "" {
		fmt.Fprintf(&b, "max age  %s (a policy outside RFC 7519)\n", t.MaxAge)
	}
	if t.MaxLifetime != "" {
		fmt.Fprintf(&b, "max lifetime %s (a policy outside RFC 7519)\n", t.MaxLifetime)
	}
	fmt.Fprintf(&b, "alg      %s\n\n", alg)
	fmt.Fprintf(&b, "RFC 7519: %s", t.RFC.Verdict)
	if len(t.RFC.Classes) > 0 {
		fmt.Fprintf(&b, " (%s)", joinClasses(t.RFC.Classes))
	}
	if t.RFC.Reason != "" {
		fmt.Fprintf(&b, ": %s", t.RFC.Reason)
	}
	b.WriteString("\n")
	for _, h := range t.Hints {
		fmt.Fprintf(&b, "hint: %s\n", h)
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	algCol := ""
	if perAdapter {
		algCol = "ALG\t"
	}
	fmt.Fprintln(tw, "ADAPTER\tVERSION\t"+algCol+"OUTCOME\tSEVERITY\tPROFILE\tROOT CAUSE\tERROR")
	for _, a := range t.Adapters {
		out := adapters.Outcome{Verdict: a.Verdict, Class: a.Class}.String()
		prof := a.Profile
		if a.Profile == "unexplained" {
			prof = "UNEXPLAINED (predicts " + string(a.Predicted) + ")"
		}
		if perAdapter {
			out = cmp.Or(a.Alg, t.Alg) + "\t" + out
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Name, a.Version, out, a.Severity, prof,
			cmp.Or(strings.Join(a.RootCauses, " + "), "-"), truncate(oneLine(a.Error), 160))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("report: write token report: %w", err)
	}
	return nil
}
