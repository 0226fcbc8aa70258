package properties

import (
	"context"
	"slices"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// Property is a law about time claims that must hold for every token,
// clock and leeway, not just on the vectors' chosen points. Each is checked
// on each adapter twice, by rapid:
//
//   - the law check (LawStandard) holds the library to the RFC law. Its
//     result is the PropertyResult's Status: Holds when rapid finds no
//     counterexample in its checks, Fails with the shrunk counterexample
//     otherwise. A failure is a conformance finding, graded by Severity.
//   - the fidelity check (ProfileStandard) holds the library to its profile:
//     every outcome seen while checking the law must be one the profile
//     predicts. Its result, together with whether the profile predicts
//     every outcome of the law's counterexample, is the PropertyResult's
//     Explained. An unexplained result fails go test: a new deviation, a
//     changed library or a wrong profile.
//
// So exp-boundary on go-jose Fails (it accepts at now == exp) and is
// Explained (its profile declares exp-inclusive).
//
// Both checks run in each of the two modes vectors run in (see
// PropertyOptions.Mode): explicit, with the leeway and required claims
// passed through the library's options, and defaults, with the clock alone,
// judged against the RFC with leeway 0 and nothing required, so that a
// built-in default leeway is seen by properties as by vectors.
type Property struct {
	// Name is the stable name results and profiles use.
	Name string
	// Clause is the RFC clause the law comes from.
	Clause string
	// Law states what must hold, in one sentence.
	Law string
	// unsupported says why the property cannot run on a subject, or "".
	unsupported func(s conformance.Subject, o PropertyOptions) string
	// body draws one case and checks it.
	body func(pc *propCase)
}

// Standard is what a property run holds the library to: the RFC law or
// its profile. Its value names the run in fail files.
type Standard string

// The two standards of every property.
const (
	// LawStandard holds the library to the RFC law.
	LawStandard Standard = "law"
	// ProfileStandard holds the library to its profile (fidelity).
	ProfileStandard Standard = "fidelity"
)

// PropertyOptions tune how properties run.
type PropertyOptions struct {
	// Timeout bounds each library call; zero means harness.DefaultTimeout.
	Timeout time.Duration
	// Minters issue the tokens of the issuance properties; with none, those
	// properties are unsupported. The caller passes them (adapters/all's
	// Minters for the built-ins) since this package links no library.
	Minters []adapters.Minter
	// Mode is the mode the properties run in: Explicit (also the zero
	// value) passes each case's leeway and required claims through the
	// library's options, Defaults passes the clock alone. An adapter that
	// cannot express a leeway runs in the defaults mode either way.
	Mode conformance.Mode
	// FailDir is where rapid's fail file of an unexplained result goes,
	// to be replayed with -rapid.failfile; empty writes none. RapidDir
	// (testdata/rapid in the working directory) is rapid's own place,
	// where a committed file is a regression every later run replays
	// first; any other folder receives the file rapid wrote there, and
	// nothing is left in the working directory.
	FailDir string
	// Replay is the recorded counterexample's replay of the law
	// (conformance.PropertyRecord.Replay): when set, the law is checked at
	// that case first and, if it still fails there, the result is that
	// case's, with no search and no shrinking. A replay that no longer
	// fails, or that rapid cannot read, leads to the full check.
	Replay string
}

// mode is o.Mode with the zero value read as Explicit.
func (o PropertyOptions) mode() conformance.Mode {
	if o.Mode == "" {
		return conformance.Explicit
	}
	return o.Mode
}

func (o PropertyOptions) minters() []adapters.Minter { return o.Minters }

// Properties lists every property, sorted by name.
func Properties() []Property {
	ps := []Property{
		expBoundary, nbfBoundary, windowInterval, leewayMonotone,
		memberOrder, whitespaceInvariance, numberSpelling, unrelatedClaims, nameEscaping,
		algorithmInvariance, issuance, statefulModel, integerModel, determinism, maxAge,
	}
	slices.SortFunc(ps, func(a, b Property) int { return strings.Compare(a.Name, b.Name) })
	return ps
}

// LookupProperty returns the property called name.
func LookupProperty(name string) (Property, bool) {
	for _, p := range Properties() {
		if p.Name == name {
			return p, true
		}
	}
	return Property{}, false
}

// Unsupported says why p cannot run on s, or "" when it can.
func (p Property) Unsupported(s conformance.Subject, o PropertyOptions) string {
	if p.unsupported == nil {
		return ""
	}
	return p.unsupported(s, o)
}

// Check is the property as a plain rapid property for subject s: kind k
// fails on a counterexample to the law, or on an outcome s's profile does
// not predict. The fuzz targets run it through rapid.MakeFuzz.
func (p Property) Rapid(s conformance.Subject, k Standard, o PropertyOptions) func(*rapid.T) {
	return p.check(context.Background(), s, k, o, nil)
}

func (p Property) check(ctx context.Context, s conformance.Subject, k Standard, o PropertyOptions, rec *failureRecord) func(*rapid.T) {
	sem, err := s.Profile.Model()
	return func(t *rapid.T) {
		if err != nil {
			t.Fatalf("profile %s: %v", s.Profile.Path, err)
		}
		pc := &propCase{t: t, ctx: ctx, s: s, kind: k, opts: o, sem: sem, rec: rec}
		p.body(pc)
	}
}

// needsLeeway is the unsupported check of properties that vary the leeway.
func needsLeeway(s conformance.Subject, o PropertyOptions) string {
	if !s.Adapter.Supports(adapters.FeatureLeeway) {
		return "the adapter cannot express a leeway"
	}
	if o.mode() == conformance.Defaults {
		return "the defaults mode passes no leeway"
	}
	return ""
}

// explicitIn reports whether properties pass a leeway and required claims
// to s in o's mode: only in the explicit mode, and only when the adapter
// can express a leeway. Every property decides its draws by this alone, so
// the two modes of an adapter that cannot express a leeway are one run.
func explicitIn(s conformance.Subject, o PropertyOptions) bool {
	return o.mode() == conformance.Explicit && s.Adapter.Supports(adapters.FeatureLeeway)
}
