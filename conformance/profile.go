package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/jwtconform/jwtconform/oracle"
)

// ProfileSchema identifies the profile file format.
const ProfileSchema = "jwtconform-profile/v1"

// Profile is one adapter's declared behaviour: the RFC oracle with named
// deviations, each with a reason, plus the recorded outcome of every test.
// It is data under version control; -jwtconform.update rewrites Outcomes
// and Properties and keeps everything else.
type Profile struct {
	// Schema is ProfileSchema.
	Schema string `json:"schema"`
	// Adapter is the adapter's Name.
	Adapter string `json:"adapter"`
	// Module is the module@version the outcomes were recorded with.
	Module string `json:"module,omitempty"`
	// Deviations name the ways the library departs from the pure oracle,
	// or resolves a point the RFC leaves open.
	Deviations []DeviationRef `json:"deviations"`
	// Outcomes maps "<vector id> <mode>" to the recorded outcome, rendered
	// as Outcome.String ("reject/expired"). Nil means nothing is recorded:
	// only fidelity to the deviations is checked.
	Outcomes map[string]string `json:"outcomes,omitempty"`
	// Properties maps a property's name to its recorded result, rendered
	// as PropertyResult.Record ("holds", "unsupported", or "fails" with the
	// shrunk counterexample). Nil means nothing is recorded.
	Properties map[string]string `json:"properties,omitempty"`
	// Path is the file the profile was loaded from, for -update.
	Path string `json:"-"`
}

// DeviationRef is a deviation a profile declares, with its reason.
type DeviationRef struct {
	// ID names an entry of the deviation catalogue.
	ID string `json:"id"`
	// Reason cites the RFC clause and the library code or issue.
	Reason string `json:"reason"`
}

//go:embed profiles/*.json
var embeddedProfiles embed.FS

// BuiltinProfile returns the embedded profile of the named built-in
// adapter.
func BuiltinProfile(adapter string) (Profile, error) {
	p, err := LoadProfile(embeddedProfiles, ProfileFile(adapter))
	if err != nil {
		return p, err
	}
	p.Path = ProfileFile(adapter)
	return p, nil
}

// ProfileFile is the conventional file name of an adapter's profile,
// relative to this package: "profiles/golang-jwt_v5_mapclaims.json".
func ProfileFile(adapter string) string {
	return "profiles/" + strings.NewReplacer("/", "_", " ", "_").Replace(adapter) + ".json"
}

// LoadProfile reads and checks a profile file.
func LoadProfile(fsys fs.FS, name string) (Profile, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	return ParseProfile(name, b)
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
	if _, err := p.semantics(); err != nil {
		return p, fmt.Errorf("profile: %s: %w", name, err)
	}
	p.Path = name
	return p, nil
}

// semanticsCache holds the switchboards built so far, keyed by the
// deviation list's first element and length: a profile's deviations are
// never changed in place (tests that drop one build a new slice), so the
// same backing array means the same list.
var semanticsCache sync.Map

type semanticsKey struct {
	first *DeviationRef
	n     int
}

// semantics builds the profile's switchboard from its deviations, once per
// list of deviations.
func (p Profile) semantics() (oracle.Model, error) {
	if len(p.Deviations) == 0 {
		return p.buildSemantics()
	}
	key := semanticsKey{&p.Deviations[0], len(p.Deviations)}
	if s, ok := semanticsCache.Load(key); ok {
		return s.(oracle.Model), nil
	}
	s, err := p.buildSemantics()
	if err == nil {
		semanticsCache.Store(key, s)
	}
	return s, err
}

func (p Profile) buildSemantics() (oracle.Model, error) {
	var s oracle.Model
	seen := map[string]bool{}
	for _, d := range p.Deviations {
		dev, ok := oracle.LookupPreset(d.ID)
		if !ok {
			return s, fmt.Errorf("deviation %q is not in the catalogue (see oracle/presets.go)", d.ID)
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
	s, err := p.semantics()
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
		panic(err) // only strings and maps of strings: cannot fail
	}
	return buf.Bytes()
}

// WriteFile writes the profile to its Path.
func (p Profile) WriteFile() error {
	if p.Path == "" {
		return fmt.Errorf("profile %s: no path to write to", p.Adapter)
	}
	return os.WriteFile(p.Path, p.Marshal(), 0o644)
}
