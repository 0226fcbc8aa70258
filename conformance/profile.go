package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/oracle"
)

// ProfileSchema identifies the profile file format. Version 2 holds only
// what a person reviews; the recorded outcomes moved to a Record.
const ProfileSchema = "jwtconform-profile/v2"

// Profile is one adapter's declared behaviour: the RFC oracle with named
// deviations, each with a reason. It is reviewed data under version
// control, which -jwtconform.update never rewrites; what the machine
// records about the adapter is its Record, kept in a file of its own.
type Profile struct {
	// Schema is ProfileSchema.
	Schema string `json:"schema"`
	// Adapter is the adapter's Name.
	Adapter string `json:"adapter"`
	// Deviations name the ways the library departs from the pure oracle,
	// or resolves a point the RFC leaves open.
	Deviations []DeviationRef `json:"deviations"`
	// Parameters set parameters of the oracle's model one by one (see
	// oracle.Parameters), after the deviations' presets, for what no preset
	// names: {"name": "nbf.default-leeway", "value": "5m", "reason": ...}.
	Parameters []ParameterRef `json:"parameters,omitempty"`
	// Presets are the profile author's own presets (oracle.NewPreset), for
	// what parameters cannot say; Deviations name them by ID like built-in
	// ones. Code, not data: set them after loading the profile.
	Presets []oracle.Preset `json:"-"`
	// Path is the file the profile was loaded from; its record lives at
	// RecordFile(Path).
	Path string `json:"-"`
	// Record holds the recorded outcomes and property results. Nil means
	// nothing is recorded: only fidelity to the deviations is checked, and
	// -jwtconform.update creates the record at RecordFile(Path).
	Record *Record `json:"-"`
}

// DeviationRef is a deviation a profile declares, with its reason.
type DeviationRef struct {
	// ID names an entry of the deviation catalogue.
	ID string `json:"id"`
	// Reason cites the RFC clause and the library code or issue.
	Reason string `json:"reason"`
}

// ParameterRef is a parameter of the model a profile sets, with its reason.
type ParameterRef struct {
	// Name is the parameter's name, as oracle.Parameters lists it.
	Name string `json:"name"`
	// Value is its value, in the parameter's own notation.
	Value string `json:"value"`
	// Reason cites the RFC clause and the library code or issue.
	Reason string `json:"reason"`
}

//go:embed profiles/*.json profiles/*.record.jsonl
var embeddedProfiles embed.FS

// BuiltinProfile returns the embedded profile of the named built-in
// adapter.
func BuiltinProfile(adapter string) (Profile, error) {
	p, err := LoadProfile(embeddedProfiles, ProfileFile(adapter))
	if err != nil {
		return p, err
	}
	p.Path = ProfileFile(adapter)
	if p.Record != nil {
		p.Record.Path = RecordFile(p.Path)
	}
	return p, nil
}

// ProfileFile is the conventional file name of an adapter's profile,
// relative to this package: "profiles/golang-jwt_v5_mapclaims.json".
func ProfileFile(adapter string) string {
	return "profiles/" + strings.NewReplacer("/", "_", " ", "_").Replace(adapter) + ".json"
}

// LoadProfile reads and checks a profile file and, when there is one, its
// record file (RecordFile(name)).
func LoadProfile(fsys fs.FS, name string) (Profile, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	p, err := ParseProfile(name, b)
	if err != nil {
		return p, err
	}
	rec, err := loadRecord(fsys, RecordFile(name))
	if err != nil {
		return p, err
	}
	if rec != nil && rec.Adapter != p.Adapter {
		return p, fmt.Errorf("record: %s is for adapter %q, not %q", rec.Path, rec.Adapter, p.Adapter)
	}
	p.Record = rec
	return p, nil
}

// ParseProfile decodes a profile and checks every deviation exists in the
// catalogue and carries a reason.
func ParseProfile(name string, b []byte) (Profile, error) {
	var p Profile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, fmt.Errorf("profile: %s: %w", name, err)
	}
	if p.Schema != ProfileSchema {
		return p, fmt.Errorf("profile: %s: schema %q, want %q", name, p.Schema, ProfileSchema)
	}
	if p.Adapter == "" {
		return p, fmt.Errorf("profile: %s: no adapter name", name)
	}
	if _, err := p.Model(); err != nil {
		return p, fmt.Errorf("profile: %s: %w", name, err)
	}
	p.Path = name
	return p, nil
}

// semanticsCache holds the switchboards built so far, keyed by the
// deviation IDs in order, which are all a prediction depends on: a profile
// edited in place, or two profiles with one list, get the switchboard of
// what they say now.
var semanticsCache struct {
	sync.RWMutex
	m map[string]oracle.Model
}

// Model is the oracle model the profile describes: the RFC's with its
// presets and parameters applied, built once per list of deviation IDs and parameter values
// and kept. The reasons are checked on every call, since the cache does
// not depend on them; a deviation without a reason is an error.
func (p Profile) Model() (oracle.Model, error) {
	if len(p.Deviations) == 0 || len(p.Presets) > 0 {
		// An author's presets are functions, which no key can stand for.
		return p.buildSemantics()
	}
	var arr [1024]byte // a key on the stack: no allocation on a hit
	key := arr[:0]
	for _, d := range p.Deviations {
		if blank(d.Reason) {
			return p.buildSemantics() // which says which deviation
		}
		key = append(append(key, d.ID...), 0)
	}
	for _, r := range p.Parameters {
		if blank(r.Reason) {
			return p.buildSemantics()
		}
		key = append(append(append(append(key, r.Name...), '='), r.Value...), 0)
	}
	semanticsCache.RLock()
	s, ok := semanticsCache.m[string(key)]
	semanticsCache.RUnlock()
	if ok {
		return s, nil
	}
	s, err := p.buildSemantics()
	if err == nil {
		semanticsCache.Lock()
		if semanticsCache.m == nil {
			semanticsCache.m = map[string]oracle.Model{}
		}
		semanticsCache.m[string(key)] = s
		semanticsCache.Unlock()
	}
	return s, err
}

// blank is strings.TrimSpace(s) == "", deciding at the first byte for
// every reason that starts with a printable ASCII character: Model checks
// each reason on every prediction.
func blank(s string) bool {
	if s != "" {
		if c := s[0]; c < utf8.RuneSelf && c != ' ' && (c < '\t' || c > '\r') {
			return false
		}
	}
	return strings.TrimSpace(s) == ""
}

func (p Profile) buildSemantics() (oracle.Model, error) {
	var s oracle.Model
	seen := map[string]bool{}
	own := map[string]oracle.Preset{}
	for _, d := range p.Presets {
		if _, builtin := oracle.LookupPreset(d.ID); builtin {
			return s, fmt.Errorf("preset %q of the profile's own is a built-in preset's name", d.ID)
		}
		own[d.ID] = d
	}
	for _, d := range p.Deviations {
		dev, ok := oracle.LookupPreset(d.ID)
		if !ok {
			dev, ok = own[d.ID]
		}
		if !ok {
			return s, fmt.Errorf("deviation %q is not in the catalogue (see oracle/presets.go) nor among the profile's own presets", d.ID)
		}
		if strings.TrimSpace(d.Reason) == "" {
			return s, fmt.Errorf("deviation %q has no reason: cite the RFC clause and the library code or issue", d.ID)
		}
		if seen[d.ID] {
			return s, fmt.Errorf("deviation %q is listed twice", d.ID)
		}
		seen[d.ID] = true
		dev.Apply(&s)
	}
	for _, r := range p.Parameters {
		if strings.TrimSpace(r.Reason) == "" {
			return s, fmt.Errorf("parameter %q has no reason: cite the RFC clause and the library code or issue", r.Name)
		}
		if err := s.Set(r.Name, r.Value); err != nil {
			return s, err
		}
	}
	return s, nil
}

// Predict is the profile's judgement of a claims set.
func (p Profile) Predict(payload []byte, c oracle.Query) (oracle.Judgement, error) {
	return NewPredictor(payload).Predict(p, c)
}

// Predictor judges one claims set under several profiles and checks,
// parsing it once: the parse is the same whatever the deviations.
type Predictor struct {
	payload *oracle.Payload
}

// NewPredictor returns a predictor of payload, which must not change while
// the predictor is in use.
func NewPredictor(payload []byte) *Predictor {
	return &Predictor{payload: oracle.NewPayload(payload)}
}

// Predict is profile p's judgement of the payload under c.
func (pr *Predictor) Predict(p Profile, c oracle.Query) (oracle.Judgement, error) {
	s, err := p.Model()
	if err != nil {
		return oracle.Judgement{}, err
	}
	return pr.payload.Judge(&s, c), nil
}

// Marshal renders the profile as stable, indented JSON.
func (p Profile) Marshal() []byte {
	sorted := p
	sorted.Deviations = append([]DeviationRef(nil), p.Deviations...)
	sort.SliceStable(sorted.Deviations, func(i, j int) bool { return sorted.Deviations[i].ID < sorted.Deviations[j].ID })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sorted); err != nil {
		panic(err) // only strings: cannot fail
	}
	return buf.Bytes()
}
