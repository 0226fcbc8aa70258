package properties

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// DefaultPropertySeed is rapid's seed unless -rapid.seed (or RAPID_SEED)
// names another: a fixed seed makes every counterexample, shrunk from the
// same checks, byte-stable, so it can be recorded in a Record.
const DefaultPropertySeed uint64 = 0x6a7774636f6e66 // "jwtconf"

// rapidMu serialises rapid runs: rapid's settings are process-wide flags,
// and the law checks turn its fail files off while they run.
var rapidMu sync.Mutex

// setupRapid registers the testing flags rapid reads (a no-op inside go
// test) and fixes the seed, once.
var setupRapid = sync.OnceFunc(func() {
	testing.Init()
	if !flag.Parsed() {
		// Outside go test (the command): rapid calls testing.Short, which
		// needs parsed flags; an empty parse keeps every default.
		_ = flag.CommandLine.Parse(nil)
	}
	if f := flag.Lookup("rapid.seed"); f != nil && f.Value.String() == "0" {
		if err := f.Value.Set(strconv.FormatUint(DefaultPropertySeed, 10)); err != nil {
			panic(err)
		}
	}
})

// PropertySeed is the seed rapid starts every property check from.
func PropertySeed() uint64 {
	setupRapid()
	rapidMu.Lock()
	defer rapidMu.Unlock()
	n, _ := strconv.ParseUint(flag.Lookup("rapid.seed").Value.String(), 10, 64)
	return n
}

// CheckProperties checks every property on every subject in both modes and
// returns the results sorted by adapter, property and mode. For a fixed seed and -rapid.checks
// the results, counterexamples included, are the same on every run. The
// tokens of the issuance property come from o.Minters. Outside go test it
// calls testing.Init, since rapid reads the testing flags.
func CheckProperties(ctx context.Context, subjects []conformance.Subject, o PropertyOptions) []conformance.PropertyResult {
	var out []conformance.PropertyResult
	for _, s := range subjects {
		for _, p := range Properties() {
			for _, m := range conformance.Modes {
				o.Mode = m
				out = append(out, CheckProperty(ctx, p, s, o))
			}
		}
	}
	conformance.SortPropertyResults(out)
	return out
}

// CheckProperty checks property p on subject s in mode o.Mode: its law check gives the
// Status, Counterexample and Severity, and its fidelity check, with the
// law's counterexample, gives Explained. When the fidelity check fails,
// its counterexample, the unexplained outcome, replaces the law's, and
// with o.FailDir rapid's fail file goes there for a regression.
//
// Results are kept for the life of the process, keyed by everything that
// decides them (property, mode, the adapter value itself, the deviation IDs in
// order, minters, seed, checks), so that Run and a test that checks the
// same properties on the same adapter share one run. An adapter value that
// is not comparable is never cached. An adapter that cannot express a
// leeway gets the same draws in both modes (see explicitIn).
func CheckProperty(ctx context.Context, p Property, s conformance.Subject, o PropertyOptions) conformance.PropertyResult {
	if o.mode() == conformance.Defaults && !s.Adapter.Supports(adapters.FeatureLeeway) {
		// Such an adapter runs its explicit checks with the clock alone:
		// its defaults result is its explicit one.
		o.Mode = conformance.Explicit
		r := CheckProperty(ctx, p, s, o)
		r.Mode = conformance.Defaults
		return r
	}
	key, ok := resultKey(p, s, o)
	if !ok {
		return checkProperty(ctx, p, s, o)
	}
	if r, ok := propertyResults.Load(key); ok {
		return r.(conformance.PropertyResult)
	}
	r := checkProperty(ctx, p, s, o)
	propertyResults.Store(key, r)
	return r
}

// propertyResults caches CheckProperty's results.
var propertyResults sync.Map // propertyKey -> conformance.PropertyResult

// propertyKey is everything that decides a property result: the adapter
// value, so that two adapters of one name never share a result, and the
// rest as a string.
type propertyKey struct {
	adapter adapters.Adapter
	rest    string
}

// adapterKey returns a, for use in a map key, when a can be one: an
// adapter whose value holds a func, map or slice cannot, and is not
// cached.
func adapterKey(a adapters.Adapter) (adapters.Adapter, bool) {
	if a == nil || !reflect.ValueOf(a).Comparable() {
		return nil, false
	}
	return a, true
}

// resultKey is everything that decides a property result, and whether it
// can be a key at all.
func resultKey(p Property, s conformance.Subject, o PropertyOptions) (propertyKey, bool) {
	a, ok := adapterKey(s.Adapter)
	if !ok {
		return propertyKey{}, false
	}
	setupRapid()
	var devs, mints []string
	for _, d := range s.Profile.Deviations {
		devs = append(devs, d.ID)
	}
	for _, m := range o.minters() {
		mints = append(mints, m.Name())
	}
	rapidMu.Lock()
	defer rapidMu.Unlock()
	return propertyKey{a, strings.Join([]string{p.Name, string(o.mode()), s.Adapter.Name(), strings.Join(devs, ","), strings.Join(mints, ","),
		flag.Lookup("rapid.seed").Value.String(), flag.Lookup("rapid.checks").Value.String(),
		flag.Lookup("rapid.steps").Value.String(), flag.Lookup("test.short").Value.String(), o.Replay}, "\x00")}, true
}

func checkProperty(ctx context.Context, p Property, s conformance.Subject, o PropertyOptions) conformance.PropertyResult {
	r := conformance.PropertyResult{Adapter: s.Adapter.Name(), Property: p.Name, Mode: o.mode(), Clause: p.Clause, Status: conformance.Holds, Explained: true}
	if p.Unsupported(s, o) != "" {
		r.Status = conformance.PropertyUnsupported
		return r
	}
	law := runRapid(ctx, p, s, LawStandard, o)
	fid := runRapid(ctx, p, s, ProfileStandard, o)
	if law.failed {
		r.Status = conformance.Fails
		r.Counterexample = law.cx
		r.Severity = law.severity
		r.Explained = law.explained
	}
	if fid.failed {
		r.Explained = false
		r.Counterexample = fid.cx
	}
	return r
}

// runOutcome is what one rapid run found.
type runOutcome struct {
	failed    bool
	cx        *conformance.Counterexample
	severity  conformance.Severity
	explained bool
	replay    string // the law's case as rapid records it; see PropertyOptions.Replay
}

// PropertyRunName is the name rapid knows one property check in mode m
// by; its fail files live in testdata/rapid/ under this name with "/"
// turned into "_". The explicit mode keeps the name it had before
// properties ran in both modes, so its committed fail files still replay.
func PropertyRunName(p, adapter string, m conformance.Mode, k Standard) string {
	if m == conformance.Defaults {
		return p + "/" + adapter + "/" + string(conformance.Defaults) + "/" + string(k)
	}
	return p + "/" + adapter + "/" + string(k)
}

// runRapid runs one check of p on s through rapid with a TB of its own, so
// that a failure is captured rather than aborting the caller's test.
func runRapid(ctx context.Context, p Property, s conformance.Subject, k Standard, o PropertyOptions) runOutcome {
	setupRapid()
	rapidMu.Lock()
	defer rapidMu.Unlock()
	replay := ""
	if k == LawStandard && o.Replay != "" {
		// A recorded failure is checked at its own case first: rapid reads
		// the case from a fail file and, when the law still fails there,
		// neither searches nor shrinks.
		if file, err := writeReplay(o.Replay); err == nil {
			defer os.Remove(file)
			defer setFlag("rapid.failfile", file)()
			replay = file
		}
	}
	if k == ProfileStandard && o.FailDir == "" {
		// An unexplained result's fail file goes to FailDir; none is asked for.
		defer setFlag("rapid.nofailfile", "true")()
	}
	rec := &failureRecord{}
	tb := &captureTB{name: PropertyRunName(p.Name, s.Adapter.Name(), o.mode(), k)}
	tb.run(func() { rapid.Check(tb, p.check(ctx, s, k, o, rec)) })
	out := runOutcome{failed: tb.failed}
	if !tb.failed {
		return out
	}
	advice := tb.reproduce()
	if k == LawStandard {
		// A failing law is a finding kept in the record, not a regression
		// to replay from the tree: take the choices of its case out of the
		// fail file rapid wrote, into the record, and leave no file.
		if replay != "" && strings.Contains(advice, replay) {
			out.replay, advice = o.Replay, "replayed from the record"
		} else {
			out.replay = takeFailFile(advice)
			advice = "replay with the record (go test ./conformance -jwtconform.update keeps it)"
		}
	}
	seed := flag.Lookup("rapid.seed").Value.String()
	if rec.cx == nil {
		// rapid failed without a case of ours: too many invalid cases.
		out.cx = &conformance.Counterexample{Detail: fmt.Sprintf("%s check failed with no counterexample (seed %s):\n%s", k, seed, tb.errors())}
		return out
	}
	out.cx, out.severity, out.explained = rec.cx, rec.severity, rec.explained
	out.cx.Replay = out.replay
	if k == ProfileStandard && o.FailDir != "" && filepath.Clean(o.FailDir) != RapidDir {
		advice = moveFailFile(advice, o.FailDir)
	}
	out.cx.Detail = fmt.Sprintf("%s check (seed %s; %s): %s", k, seed, advice, out.cx.Detail)
	return out
}

// RapidDir is where rapid writes and replays fail files, relative to the
// working directory.
var RapidDir = filepath.Join("testdata", "rapid")

// failFileFlag finds the fail file in rapid's replay advice.
var failFileFlag = regexp.MustCompile(`-rapid\.failfile="([^"]+)"`)

// moveFailFile moves the fail file that advice names from RapidDir to the
// same place under dir, removes the folders rapid made for it if they are
// left empty, and returns the advice naming the new place. If the move
// fails, the file stays where rapid wrote it and the advice says so.
func moveFailFile(advice, dir string) string {
	m := failFileFlag.FindStringSubmatch(advice)
	if m == nil {
		return advice
	}
	from := m[1]
	rel, err := filepath.Rel(RapidDir, from)
	if err != nil || strings.HasPrefix(rel, "..") {
		return advice
	}
	to := filepath.Join(dir, rel)
	err = os.MkdirAll(filepath.Dir(to), 0o755)
	if err == nil {
		err = moveFile(from, to)
	}
	if err != nil {
		return advice + fmt.Sprintf(" (left in place: %v)", err)
	}
	for d := filepath.Dir(from); d != "." && d != string(filepath.Separator); d = filepath.Dir(d) {
		if os.Remove(d) != nil { // not empty, or not ours
			break
		}
	}
	return strings.Replace(advice, from, to, 1)
}

// moveFile renames from to to, copying when they are on different file
// systems (a temporary folder often is).
func moveFile(from, to string) error {
	if os.Rename(from, to) == nil {
		return nil
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		return err
	}
	return os.Remove(from)
}

// failureRecord keeps the counterexample of the last failing case: rapid
// replays the shrunk case last, so that is what it holds at the end.
type failureRecord struct {
	cx        *conformance.Counterexample
	severity  conformance.Severity
	explained bool
}

func (r *failureRecord) set(cx *conformance.Counterexample, s conformance.Severity, explained bool) {
	r.cx, r.severity, r.explained = cx, s, explained
}

// captureTB is a rapid.TB that records a failure instead of failing a
// test: FailNow and SkipNow unwind to run, which returns normally.
type captureTB struct {
	name   string
	failed bool
	errs   []string
}

// stopRun unwinds a captureTB's run.
type stopRun struct{}

var _ rapid.TB = (*captureTB)(nil)

func (tb *captureTB) run(f func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stopRun); !ok {
				panic(r)
			}
		}
	}()
	f()
}

func (tb *captureTB) Helper()                   {}
func (tb *captureTB) Name() string              { return tb.name }
func (tb *captureTB) Logf(string, ...any)       {}
func (tb *captureTB) Log(...any)                {}
func (tb *captureTB) Skipf(string, ...any)      { tb.SkipNow() }
func (tb *captureTB) Skip(...any)               { tb.SkipNow() }
func (tb *captureTB) SkipNow()                  { panic(stopRun{}) }
func (tb *captureTB) Errorf(f string, a ...any) { tb.Error(fmt.Sprintf(f, a...)) }
func (tb *captureTB) Error(a ...any)            { tb.failed = true; tb.errs = append(tb.errs, fmt.Sprint(a...)) }
func (tb *captureTB) Fatalf(f string, a ...any) { tb.Errorf(f, a...); tb.FailNow() }
func (tb *captureTB) Fatal(a ...any)            { tb.Error(a...); tb.FailNow() }
func (tb *captureTB) FailNow()                  { tb.failed = true; panic(stopRun{}) }
func (tb *captureTB) Fail()                     { tb.failed = true }
func (tb *captureTB) Failed() bool              { return tb.failed }

func (tb *captureTB) errors() string { return strings.Join(tb.errs, "\n") }

// reproduce is rapid's own advice on replaying the failure: the fail file
// or the seed of the failing case.
func (tb *captureTB) reproduce() string {
	for _, e := range tb.errs {
		if _, rest, ok := strings.Cut(e, "To reproduce, specify "); ok {
			rest, _, _ = strings.Cut(rest, "\n")
			_, flags, _ := strings.Cut(rest, " ")
			return "replay with " + flags
		}
	}
	return "no replay advice"
}

// setFlag sets a rapid flag and returns the function that restores it.
func setFlag(name, value string) (restore func()) {
	f := flag.Lookup(name)
	old := f.Value.String()
	_ = f.Value.Set(value)
	return func() { _ = f.Value.Set(old) }
}

// writeReplay writes a recorded replay ("VERSION#SEED 0x.. 0x..") as a fail
// file rapid reads, in the temporary folder, and returns its path.
func writeReplay(replay string) (string, error) {
	f, err := os.CreateTemp("", "jwtconform-replay-*.fail")
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(strings.ReplaceAll(replay, " ", "\n") + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// takeFailFile reads the choices out of the fail file rapid's advice names
// as one line ("VERSION#SEED 0x.. 0x.."), removes the file and the folders
// rapid made for it when they are left empty, and returns the line; "" when
// there is none.
func takeFailFile(advice string) string {
	m := failFileFlag.FindStringSubmatch(advice)
	if m == nil {
		return ""
	}
	b, err := os.ReadFile(m[1])
	if err != nil {
		return ""
	}
	var fields []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			fields = append(fields, line)
		}
	}
	if os.Remove(m[1]) == nil {
		for d := filepath.Dir(m[1]); d != "." && d != string(filepath.Separator); d = filepath.Dir(d) {
			if os.Remove(d) != nil { // not empty, or not ours
				break
			}
		}
	}
	return strings.Join(fields, " ")
}
