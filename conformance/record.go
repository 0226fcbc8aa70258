package conformance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
)

// RecordSchema identifies the record file format: JSON Lines, a header
// line naming the schema, adapter and module, then one line per result.
const RecordSchema = "jwtconform-record/v1"

// Record is what the machine wrote down about one adapter: the outcome of
// every vector in each mode and the result of every property, with the
// module version they were recorded with. It lives beside the profile
// ("profiles/<adapter>.record.jsonl", see RecordFile), one line per result
// and sorted, so that a change of one outcome is a one-line diff and a
// review of a reason never drowns in records. -jwtconform.update rewrites
// the entries it ran and keeps every other.
type Record struct {
	// Adapter is the adapter's Name; it must equal the profile's.
	Adapter string
	// Module is the module@version the entries were last recorded with.
	Module string
	// Outcomes maps OutcomeKey ("<vector id> <mode>") to the recorded
	// outcome, rendered as Outcome.String ("reject/expired").
	Outcomes map[string]string
	// Properties maps a property's name to its recorded result.
	Properties map[string]PropertyRecord
	// Path is the file the record was loaded from, or is written to.
	Path string
}

// PropertyRecord is a property result as a record keeps it: the status and,
// for a failure, the shrunk counterexample's payload, clock and leeway. The
// detail, which quotes library error text, is left out.
type PropertyRecord struct {
	// Status is holds, unsupported or fails.
	Status PropertyStatus `json:"status"`
	// Clause is the RFC clause of the property's law, so that a reader of
	// the record, such as the command, needs no property code.
	Clause string `json:"clause,omitempty"`
	// Severity grades a failure against the RFC.
	Severity Severity `json:"severity,omitempty"`
	// Unexplained is set when the profile did not predict the result.
	Unexplained bool `json:"unexplained,omitempty"`
	// Counterexample is set only when Status is fails.
	Counterexample *RecordedCounterexample `json:"counterexample,omitempty"`
}

// RecordedCounterexample is the reproducible part of a Counterexample.
type RecordedCounterexample struct {
	// Payload is the exact claims-set bytes.
	Payload string `json:"payload"`
	// Now is the clock as decimal seconds.
	Now string `json:"now"`
	// Leeway is a Go duration string, or empty for the library default.
	Leeway string `json:"leeway,omitempty"`
	// MaxAge is the maximum token age asked for, a Go duration; empty
	// for none.
	MaxAge string `json:"maxAge,omitempty"`
	// Replay is rapid's record of the choices that generate the shrunk
	// case ("VERSION#SEED 0x.. 0x.."), so that a later run checks the law
	// at this case first and, if it still fails there, needs neither the
	// search nor the shrinking. It is how to reproduce the result, not
	// part of it: Equal ignores it.
	Replay string `json:"replay,omitempty"`
}

// Equal reports whether two property records are the same, whatever their
// counterexamples' Replay.
func (r PropertyRecord) Equal(o PropertyRecord) bool {
	if r.Status != o.Status || r.Clause != o.Clause || r.Severity != o.Severity || r.Unexplained != o.Unexplained ||
		(r.Counterexample == nil) != (o.Counterexample == nil) {
		return false
	}
	if r.Counterexample == nil {
		return true
	}
	a, b := *r.Counterexample, *o.Counterexample
	a.Replay, b.Replay = "", ""
	return a == b
}

// Replay is the record's replay of its counterexample, "" when it has none.
func (r PropertyRecord) Replay() string {
	if r.Counterexample == nil {
		return ""
	}
	return r.Counterexample.Replay
}

// String renders the record as one line of JSON, for failure messages.
func (r PropertyRecord) String() string {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return string(b)
}

// RecordFile is the record file that belongs to the profile file at
// profilePath: "profiles/jwx_v2_jwt.json" has "profiles/jwx_v2_jwt.record.jsonl".
func RecordFile(profilePath string) string {
	return strings.TrimSuffix(profilePath, ".json") + ".record.jsonl"
}

// recordHeader is a record file's first line.
type recordHeader struct {
	Schema  string `json:"schema"`
	Adapter string `json:"adapter"`
	Module  string `json:"module,omitempty"`
}

// recordLine is one entry of a record file: an outcome (vector, mode,
// outcome) or a property result (property, status, counterexample).
type recordLine struct {
	Vector         string                  `json:"vector,omitempty"`
	Mode           Mode                    `json:"mode,omitempty"`
	Outcome        string                  `json:"outcome,omitempty"`
	Property       string                  `json:"property,omitempty"`
	Clause         string                  `json:"clause,omitempty"`
	Status         PropertyStatus          `json:"status,omitempty"`
	Severity       Severity                `json:"severity,omitempty"`
	Unexplained    bool                    `json:"unexplained,omitempty"`
	Counterexample *RecordedCounterexample `json:"counterexample,omitempty"`
}

// loadRecord reads the record file at name, or returns nil when there is
// none: a profile without a record is checked for fidelity only.
func loadRecord(fsys fs.FS, name string) (*Record, error) {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	r, err := ParseRecord(name, b)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// ParseRecord decodes a record file, rejecting unknown fields, an entry
// that is neither an outcome nor a property result, and an entry listed
// twice.
func ParseRecord(name string, b []byte) (Record, error) {
	r := Record{Path: name, Outcomes: map[string]string{}, Properties: map[string]PropertyRecord{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		n++
		fail := func(format string, a ...any) (Record, error) {
			return r, fmt.Errorf("record: %s:%d: %s", name, n, fmt.Sprintf(format, a...))
		}
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if n == 1 {
			var h recordHeader
			if err := dec.Decode(&h); err != nil {
				return fail("%v", err)
			}
			if h.Schema != RecordSchema {
				return fail("schema %q, want %q", h.Schema, RecordSchema)
			}
			if h.Adapter == "" {
				return fail("no adapter name")
			}
			r.Adapter, r.Module = h.Adapter, h.Module
			continue
		}
		var l recordLine
		if err := dec.Decode(&l); err != nil {
			return fail("%v", err)
		}
		if dec.More() {
			return fail("more than one entry on the line")
		}
		switch {
		case l.Vector != "" && l.Property == "" && l.Status == "" && l.Clause == "" && l.Severity == "" && !l.Unexplained && l.Counterexample == nil:
			if l.Mode == "" || l.Outcome == "" {
				return fail("outcome entry %q needs a mode and an outcome", l.Vector)
			}
			k := OutcomeKey(l.Vector, l.Mode)
			if _, dup := r.Outcomes[k]; dup {
				return fail("outcome %q recorded twice", k)
			}
			r.Outcomes[k] = l.Outcome
		case l.Property != "" && l.Vector == "" && l.Outcome == "":
			switch {
			case l.Status != Holds && l.Status != PropertyUnsupported && l.Status != Fails:
				return fail("property %q: status %q, want holds, unsupported or fails", l.Property, l.Status)
			case l.Counterexample != nil && l.Status != Fails:
				return fail("property %q: a counterexample with status %s", l.Property, l.Status)
			}
			if l.Mode != "" && l.Mode != Defaults {
				return fail("property %q: mode %q, want none (explicit) or defaults", l.Property, l.Mode)
			}
			k := PropertyKey(l.Property, l.Mode)
			if _, dup := r.Properties[k]; dup {
				return fail("property %q recorded twice", k)
			}
			r.Properties[k] = PropertyRecord{Status: l.Status, Clause: l.Clause, Severity: l.Severity, Unexplained: l.Unexplained, Counterexample: l.Counterexample}
		default:
			return fail("an entry is an outcome (vector, mode, outcome) or a property result (property, status, counterexample)")
		}
	}
	if err := sc.Err(); err != nil {
		return r, fmt.Errorf("record: %s: %w", name, err)
	}
	if n == 0 {
		return r, fmt.Errorf("record: %s: empty, want a header line", name)
	}
	return r, nil
}

// Marshal renders the record as JSON Lines: the header, the outcomes
// sorted by vector and mode, then the property results sorted by name.
func (r Record) Marshal() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	must := func(err error) {
		if err != nil {
			panic(err) // strings only: cannot fail
		}
	}
	must(enc.Encode(recordHeader{RecordSchema, r.Adapter, r.Module}))
	type entry struct {
		vector string
		mode   Mode
	}
	var outcomes []entry
	for k := range r.Outcomes {
		i := strings.LastIndexByte(k, ' ')
		outcomes = append(outcomes, entry{k[:i], Mode(k[i+1:])})
	}
	slices.SortFunc(outcomes, func(a, b entry) int {
		if c := strings.Compare(a.vector, b.vector); c != 0 {
			return c
		}
		return strings.Compare(string(a.mode), string(b.mode))
	})
	for _, e := range outcomes {
		must(enc.Encode(recordLine{Vector: e.vector, Mode: e.mode, Outcome: r.Outcomes[OutcomeKey(e.vector, e.mode)]}))
	}
	for _, key := range slices.Sorted(maps.Keys(r.Properties)) {
		p := r.Properties[key]
		name, m := ParsePropertyKey(key)
		if m == Explicit {
			m = "" // the mode of a property line defaults to explicit
		}
		must(enc.Encode(recordLine{Property: name, Mode: m, Clause: p.Clause, Status: p.Status, Severity: p.Severity, Unexplained: p.Unexplained, Counterexample: p.Counterexample}))
	}
	return buf.Bytes()
}

// WriteFile writes the record to its Path.
func (r Record) WriteFile() error {
	if r.Path == "" {
		return fmt.Errorf("record %s: no path to write to", r.Adapter)
	}
	return os.WriteFile(r.Path, r.Marshal(), 0o644)
}

// Merge returns r with the entries of an update applied: every outcome in
// outcomes and every property result in props replaces or adds its entry,
// every other entry is kept, except those whose vector and mode (in
// vectorKeys) or property (in propertyNames) no longer exist, which are
// dropped. A filtered run thus rewrites only what it ran.
func (r Record) Merge(outcomes map[string]string, props map[string]PropertyRecord, vectorKeys, propertyNames map[string]bool) Record {
	out := r
	out.Outcomes = map[string]string{}
	for k, v := range r.Outcomes {
		if vectorKeys[k] {
			out.Outcomes[k] = v
		}
	}
	maps.Copy(out.Outcomes, outcomes)
	out.Properties = map[string]PropertyRecord{}
	for k, v := range r.Properties {
		if propertyNames[k] {
			out.Properties[k] = v
		}
	}
	maps.Copy(out.Properties, props)
	return out
}
