package conformancetest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/properties"
	"github.com/jwtconform/jwtconform/vectors"
)

// Run runs the whole suite against adapter a under profile p, as a test: a
// subtest per vector and mode ("<vector id>/<mode>"), each failing when the
// outcome is one the profile does not explain or differs from the outcome
// p.Record holds; then the must-hold checks, which no profile can waive;
// then every rapid property ("properties/<name>", see Properties), each
// failing when its result is unexplained or differs from the one recorded;
// then the checks on the profile itself (every deviation explains
// something; no recorded entry is stale). The vector and property
// subtests record their results; the failures are reported together once
// they all ran, so that a changed library reads as one summary (how many
// results changed or are unexplained, and the root causes involved)
// followed by the first -jwtconform.details failures, each once. -jwtconform.properties=false
// skips the properties and -jwtconform.vectors selects vectors by id. A
// library's own tests can call it with a custom adapter:
//
//	func TestConformance(t *testing.T) {
//		p := conformancetest.Profile(t, "testdata/mylib.json")
//		conformancetest.Run(t, myAdapter{}, p,
//			conformancetest.WithVectors(os.DirFS("testdata"), "vectors"))
//	}
//
// With -jwtconform.update the entries of what ran (whatever -run,
// -jwtconform.vectors or -jwtconform.properties selected) are rewritten
// into the record file, RecordFile(p.Path), and every other entry is kept;
// the profile itself is never rewritten. The minters issue the tokens of
// the issuance properties (WithMinters); with none, those properties
// are unsupported. Nothing is written into the caller's tree unless
// updating: rapid's fail files go to a temporary folder (WithFailDir).
func Run(t *testing.T, a adapters.Adapter, p conformance.Profile, opts ...Option) {
	t.Helper()
	cfg := apply(t, &p, opts)
	runSuite(t, a, p, cfg)
}

// runConfig is what the flags tell Run, apart so that a test can run an
// update of its own choosing.
type runConfig struct {
	minters    []adapters.Minter
	update     bool
	properties bool
	timeout    time.Duration
	// vectors are the vectors to run; nil runs the built-in ones.
	vectors    []vectors.Vector
	noBuiltins bool
	presets    []oracle.Preset
	// failDir receives rapid's fail files (properties.PropertyOptions).
	failDir string
	// selected reports whether the vector runs at all; nil runs every one.
	selected func(id string) bool
	// details bounds the failures detailed after the summary; -1 is all.
	details int
}

func flagConfig() runConfig {
	return runConfig{
		update:     *updateFlag,
		properties: *propertiesFlag,
		timeout:    *timeoutFlag,
		details:    int(*detailsFlag),
		selected:   func(id string) bool { return conformance.MatchGlob(*vectorsFlag, id) },
	}
}

func runSuite(t *testing.T, a adapters.Adapter, p conformance.Profile, cfg runConfig) {
	t.Helper()
	if p.Adapter != a.Name() {
		t.Fatalf("profile %s is for adapter %q, not %q", p.Path, p.Adapter, a.Name())
	}
	if _, err := p.Model(); err != nil {
		t.Fatalf("profile %s: %v", p.Path, err)
	}
	vs := cfg.vectors
	if vs == nil {
		vs = vectors.All()
	}
	mod := a.Module()
	rec := p.Record
	if rec != nil && rec.Module != "" && rec.Module != mod.String() {
		t.Logf("outcomes were recorded with %s; running %s", rec.Module, mod)
	}
	e := conformance.Evaluator{Timeout: cfg.timeout}
	var (
		mu    sync.Mutex
		got   = map[string]string{}
		fails failures
	)
	t.Run("vectors", func(t *testing.T) {
		for _, v := range vs {
			if cfg.selected != nil && !cfg.selected(v.ID) {
				continue
			}
			for _, m := range conformance.Modes {
				t.Run(v.ID+"/"+string(m), func(t *testing.T) {
					if !cfg.update {
						t.Parallel()
					}
					r, err := e.Evaluate(context.Background(), a, p, v, m)
					if err != nil {
						t.Fatal(err)
					}
					mu.Lock()
					got[r.Key()] = r.Outcome.String()
					mu.Unlock()
					// The subtest records; the failures are reported together
					// once every vector ran (failures.report).
					if f, failed := vectorFailure(t.Name(), r, mod, v, rec, cfg.update); failed {
						fails.add(f)
					}
				})
			}
		}
	})
	t.Run("must-hold", func(t *testing.T) { checkMustHold(t, a, cfg.timeout) })
	t.Run("padding", func(t *testing.T) { checkTokenForm(t, a, p, paddedForm, cfg.timeout) })
	t.Run("header", func(t *testing.T) { checkTokenForm(t, a, p, kidForm, cfg.timeout) })
	var props map[string]conformance.PropertyRecord
	if cfg.properties {
		props = runProperties(t, a, p, cfg, &fails)
	}
	fails.report(t, a, cfg.details)
	t.Run("profile", func(t *testing.T) {
		checkDeviationsUsed(t, p, vs)
		if cfg.update || rec == nil {
			return
		}
		keys := vectorKeys(vs)
		for _, k := range slices.Sorted(maps.Keys(rec.Outcomes)) {
			if !keys[k] {
				t.Errorf("stale recorded outcome %q in %s: no such vector and mode any more; run with -jwtconform.update", k, rec.Path)
			}
		}
	})
	if cfg.update && p.Path == "" && p.Record == nil {
		// A profile built in Go with no file has nowhere to keep a record
		// (the runnable example): it is checked against its deviations
		// alone, with or without -jwtconform.update.
		t.Logf("profile %s has no file: nothing to record", p.Adapter)
	} else if cfg.update {
		// Outside the subtests, so that no -run filter skips the write.
		if !recordedConfig() && props != nil {
			t.Logf("property results kept as recorded: this run's seed or -rapid.checks differs from the recorded configuration")
			props = nil
		}
		path, err := updateRecord(p, mod, got, props, vs)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %d outcomes and %d property results in %s, keeping every other entry", len(got), len(props), path)
	}
}

// updateRecord merges what one run found into p's record file: the
// entries that ran are replaced, every other entry is kept, and entries of
// vectors or properties that no longer exist are dropped.
func updateRecord(p conformance.Profile, mod adapters.Module, got map[string]string, props map[string]conformance.PropertyRecord, vs []vectors.Vector) (string, error) {
	rec := conformance.Record{Adapter: p.Adapter}
	if p.Record != nil {
		rec = *p.Record
	}
	if rec.Path == "" {
		if p.Path == "" {
			return "", fmt.Errorf("profile %s: no path to write its record to", p.Adapter)
		}
		rec.Path = conformance.RecordFile(p.Path)
	}
	names := map[string]bool{}
	for _, prop := range properties.Properties() {
		for _, m := range conformance.Modes {
			names[conformance.PropertyKey(prop.Name, m)] = true
		}
	}
	rec = rec.Merge(got, props, vectorKeys(vs), names)
	rec.Module = mod.String()
	return rec.Path, rec.WriteFile()
}

// vectorKeys is the set of OutcomeKeys of vs in every mode.
func vectorKeys(vs []vectors.Vector) map[string]bool {
	keys := make(map[string]bool, len(vs)*len(conformance.Modes))
	for _, v := range vs {
		for _, m := range conformance.Modes {
			keys[conformance.OutcomeKey(v.ID, m)] = true
		}
	}
	return keys
}

// vectorFailure is the failure of result r, run by the subtest called
// name, when the profile does not explain it or it differs from the
// record (unless updating): one message with both, never one each.
func vectorFailure(name string, r conformance.Result, mod adapters.Module, v vectors.Vector, rec *conformance.Record, update bool) (failure, bool) {
	f := failure{key: fmt.Sprintf("1 %s %d", r.Vector, slices.Index(conformance.Modes, r.Mode)), unexplained: !r.Explained, causes: causesOf(r.RootCauses, r.Explained)}
	var what []string
	if !r.Explained {
		what = append(what, fmt.Sprintf("unexplained: the profile predicts %s (%s), the library gave %s",
			r.Profile.Verdict, strings.Join(r.Profile.Reasons, "; "), r.Outcome))
	}
	if !update && rec != nil {
		if want, ok := rec.Outcomes[r.Key()]; !ok {
			f.changed = true
			what = append(what, fmt.Sprintf("not recorded (-want +got):\n-\t(nothing)\n+\t%s", r.Outcome))
		} else if want != r.Outcome.String() {
			f.changed = true
			what = append(what, fmt.Sprintf("outcome differs from the record (-want +got):\n-\t%s\n+\t%s", want, r.Outcome))
		}
	}
	if len(what) == 0 {
		return f, false
	}
	f.detail = fmt.Sprintf("%s\n%s\nreproduce: %s", describe(r, mod, v), strings.Join(what, "\n"), reproduce(name))
	return f, true
}

// reproduce is the go test command, run from the module's root, that runs
// exactly the subtest called name: each element of the -run pattern
// anchored, with regexp metacharacters escaped.
func reproduce(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return fmt.Sprintf("go test %s -run '^%s$'", packageDir(), strings.Join(parts, "$/^"))
}

// packageDir is the test's package as go test takes it from the module's
// root ("./conformance"), or "." when no go.mod is found above it.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return "."
		}
	}
}

// describe names everything needed to reproduce a result.
func describe(r conformance.Result, mod adapters.Module, v vectors.Vector) string {
	lw := "library default"
	if r.Query.SetLeeway {
		lw = r.Query.Leeway.String()
	}
	if r.Query.MaxAge > 0 {
		lw += "  max age: " + r.Query.MaxAge.String()
	}
	if r.Query.MaxLifetime > 0 {
		lw += "  max lifetime: " + r.Query.MaxLifetime.String()
	}
	causes := ""
	if len(r.RootCauses) > 0 {
		causes = "\nroot causes: " + strings.Join(r.RootCauses, ", ")
	}
	return fmt.Sprintf("vector %s (%s) [%s] adapter %s, %s\npayload: %s\nnow: %s  leeway: %s  require: %v\ntoken: %s\nlibrary error: %q\nRFC: %s (%s)%s",
		v.ID, v.Comment, r.Mode, r.Adapter, mod, v.Payload, v.NowText, lw, r.Query.Require, r.Token, r.Outcome.Error,
		r.RFC.Verdict, strings.Join(r.RFC.Reasons, "; "), causes)
}

// checkDeviationsUsed fails for every deviation and parameter of p whose
// removal would change no prediction on any vector: each must explain
// something. One that says whether padded tokens, or headers other than
// the harness's, are accepted is measured by checkTokenForm instead, since
// vectors cannot show it.
func checkDeviationsUsed(t *testing.T, p conformance.Profile, vs []vectors.Vector) {
	t.Helper()
	full, err := p.Model()
	if err != nil {
		t.Fatal(err)
	}
	unused := func(what string, without conformance.Profile) {
		s, err := without.Model()
		if err != nil {
			t.Fatal(err)
		}
		if s.Base64PaddingAccepted != full.Base64PaddingAccepted || s.HeaderExactForms != full.HeaderExactForms {
			return // measured by checkTokenForm
		}
		if !explainsSomething(full, s, vs) {
			t.Errorf("%s of %s explains no vector: remove it from %s, or add the vector that shows it", what, p.Adapter, p.Path)
		}
	}
	for i, d := range p.Deviations {
		without := p
		without.Deviations = slices.Delete(slices.Clone(p.Deviations), i, i+1)
		unused(fmt.Sprintf("deviation %q", d.ID), without)
	}
	for i, r := range p.Parameters {
		without := p
		without.Parameters = slices.Delete(slices.Clone(p.Parameters), i, i+1)
		unused(fmt.Sprintf("parameter %s=%s", r.Name, r.Value), without)
	}
}

func explainsSomething(with, without oracle.Model, vs []vectors.Vector) bool {
	for _, v := range vs {
		for _, m := range conformance.Modes {
			c := conformance.QueryFor(v, m)
			if with.Judge(v.Payload, c).Verdict != without.Judge(v.Payload, c).Verdict {
				return true
			}
		}
	}
	return false
}

// paddingProbe is the claims set of checkTokenForm: valid at paddingNow
// under any profile that requires exp, nbf or iat, and of a length whose
// base64url needs padding.
const paddingProbe = `{"exp":1700003600,"iat":1699999940,"nbf":1699999940}`

var paddingNow = time.Unix(1700000000, 0)

// tokenForm is a way of writing a compact JWS that the harness never uses,
// so that no vector shows whether a library accepts it, and jwtconform
// verify predicts such tokens by the model switch it names.
type tokenForm struct {
	// what the token is, for the failure message.
	what string
	// sign writes payload in this form, signed with the harness key for alg.
	sign func(alg string, payload []byte) (string, error)
	// accepted is what the profile's model says of the form.
	accepted func(m oracle.Model) bool
	// parameter and preset name the model's switch, for the message.
	parameter, values, preset string
}

// The token forms each adapter is measured on.
var (
	// paddedForm keeps '=' padding on the base64url segments, which RFC
	// 7515 2 rules out (token.base64-padding).
	paddedForm = tokenForm{
		what:      "the padded token",
		sign:      jws.SignPadded,
		accepted:  func(m oracle.Model) bool { return m.Base64PaddingAccepted },
		parameter: "token.base64-padding", values: "reject|accept", preset: "base64-padding-accepted",
	}
	// kidForm carries a kid beside alg and typ in the protected header,
	// which RFC 7515 4.1.4 allows (token.header).
	kidForm = tokenForm{
		what: "the token with a kid in its header",
		sign: func(alg string, payload []byte) (string, error) {
			s, err := jws.SignerFor(alg)
			if err != nil {
				return "", err
			}
			return jws.SignWithHeader(s, []byte(`{"alg":"`+alg+`","typ":"JWT","kid":"k1"}`), payload)
		},
		accepted:  func(m oracle.Model) bool { return !m.HeaderExactForms },
		parameter: "token.header", values: "exact-forms|any", preset: "header-exact-forms-only",
	}
)

// checkTokenForm measures whether a accepts paddingProbe written in form f
// at paddingNow, and fails when p's model says otherwise: the vectors
// cannot show it, since the harness writes unpadded tokens with the header
// {"alg":A,"typ":"JWT"}.
func checkTokenForm(t *testing.T, a adapters.Adapter, p conformance.Profile, f tokenForm, timeout time.Duration) {
	t.Helper()
	m, err := p.Model()
	if err != nil {
		t.Fatal(err)
	}
	payload := []byte(paddingProbe)
	token, key, err := conformance.Sign(a, payload)
	if err != nil {
		t.Skip(err)
	}
	opts := conformance.OptionsFor(oracle.Query{Now: paddingNow}, key)
	if o := harness.Call(context.Background(), a, token, opts, timeout); o.Verdict != adapters.Accept {
		t.Skipf("the harness token %s is not accepted (%s, %q): the form cannot be told apart", token, o, o.Error)
	}
	written, err := f.sign(key.Alg, payload)
	if err != nil {
		t.Fatal(err)
	}
	o := harness.Call(context.Background(), a, written, opts, timeout)
	if accepts := o.Verdict == adapters.Accept; accepts != f.accepted(m) {
		t.Errorf("%s, %s: %s %s at now=%d gives %s (%q), but the profile %s predicts the opposite (%s=%s): add or remove the %s preset, with the library's source line",
			a.Name(), a.Module(), f.what, written, paddingNow.Unix(), o, o.Error, p.Path, f.parameter, f.values, f.preset)
	}
}

// checkMustHold runs the must-hold checks against a, a subtest each.
func checkMustHold(t *testing.T, a adapters.Adapter, timeout time.Duration) {
	t.Helper()
	for _, mh := range conformance.MustHolds() {
		t.Run(mh.Name(), func(t *testing.T) {
			if msg, skipped := mh.Check(a, timeout); skipped {
				t.Skip(msg)
			} else if msg != "" {
				t.Error(msg)
			}
		})
	}
}
