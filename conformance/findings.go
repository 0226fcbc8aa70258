package conformance

import (
	"slices"
	"strings"
)

// This file holds the result types that the properties, the resource
// measurements and the fuzzing findings share with the report, so that
// each part can be built apart and the report renders them all.

// Counterexample is a shrunk input on which a property fails, enough to
// reproduce it with `jwtconform check`.
type Counterexample struct {
	// Payload is the exact claims-set bytes.
	Payload string `json:"payload"`
	// Now is the clock as decimal seconds.
	Now string `json:"now"`
	// Leeway is a Go duration string, or empty for the library default.
	Leeway string `json:"leeway,omitempty"`
	// MaxAge is the maximum token age asked for, a Go duration; empty
	// for none.
	MaxAge string `json:"maxAge,omitempty"`
	// Detail says what went wrong, with the outcomes seen.
	Detail string `json:"detail"`
	// Replay is rapid's record of the choices that generate the case
	// (RecordedCounterexample.Replay); kept in the record, not in
	// results.json.
	Replay string `json:"-"`
}

// PropertyStatus is the result of checking one property on one adapter.
type PropertyStatus string

// The property statuses.
const (
	// Holds: no counterexample was found.
	Holds PropertyStatus = "holds"
	// Fails: rapid found and shrank a counterexample.
	Fails PropertyStatus = "fails"
	// PropertyUnsupported: the adapter cannot express what the property needs.
	PropertyUnsupported PropertyStatus = "unsupported"
)

// PropertyResult is one property checked against one adapter.
type PropertyResult struct {
	// Adapter is the adapter's name.
	Adapter string `json:"adapter"`
	// Property is the property's stable name, such as "exp-boundary".
	Property string `json:"property"`
	// Mode is the mode the property ran in; empty means explicit, as in
	// results written before properties ran in both modes.
	Mode Mode `json:"mode,omitempty"`
	// Clause is the RFC clause the property comes from.
	Clause string `json:"clause"`
	// Status is holds, fails or unsupported.
	Status PropertyStatus `json:"status"`
	// Counterexample is set when Status is Fails.
	Counterexample *Counterexample `json:"counterexample,omitempty"`
	// Severity grades a failure against the RFC.
	Severity Severity `json:"severity,omitempty"`
	// Explained is false when the profile does not predict the result.
	Explained bool `json:"explained"`
}

// ResourcePoint is the cost of verifying one crafted token of one size.
type ResourcePoint struct {
	// Bytes is the token's length.
	Bytes int `json:"bytes"`
	// AllocBytes is the bytes allocated by one verification.
	AllocBytes int64 `json:"allocBytes"`
	// Nanos is the time one verification took; it varies between runs.
	Nanos int64 `json:"nanos,omitempty"`
}

// ResourceResult is how one adapter's cost grows with one shape of crafted
// token (many dots, a huge segment, deep nesting ...).
type ResourceResult struct {
	// Adapter is the adapter's name.
	Adapter string `json:"adapter"`
	// Shape names the crafted token family.
	Shape string `json:"shape"`
	// Points are the measurements, by growing size.
	Points []ResourcePoint `json:"points"`
	// AllocPerByte is bytes allocated per input byte at the largest size.
	AllocPerByte float64 `json:"allocPerByte"`
	// Growth is the fitted exponent of allocation against size (1 is
	// linear).
	Growth float64 `json:"growth"`
	// Severity is security when the cost grows faster than linearly or
	// passes the stated bound per byte.
	Severity Severity `json:"severity,omitempty"`
	// Note explains the grade.
	Note string `json:"note,omitempty"`
}

// FuzzFinding is a crasher or an unexplained divergence a fuzz target
// found, committed under fuzz/testdata/fuzz/<target>/ as a regression.
type FuzzFinding struct {
	// Target is the fuzz target, such as "FuzzDifferential".
	Target string `json:"target"`
	// File is the corpus file's path under the repository.
	File string `json:"file"`
	// Kind is panic, timeout, alloc or unexplained, or explained for a
	// departure from the RFC that a profile deviation now covers.
	Kind string `json:"kind"`
	// Adapter is the adapter concerned, if one is.
	Adapter string `json:"adapter,omitempty"`
	// Detail says what the finding is and which profile reason covers it.
	Detail string `json:"detail"`
	// Reproduce is the command that replays it.
	Reproduce string `json:"reproduce"`
}

// SortPropertyResults orders results by adapter, property and mode
// (explicit first).
func SortPropertyResults(rs []PropertyResult) {
	slices.SortStableFunc(rs, func(a, b PropertyResult) int {
		if c := strings.Compare(a.Adapter, b.Adapter); c != 0 {
			return c
		}
		if c := strings.Compare(a.Property, b.Property); c != 0 {
			return c
		}
		return modeIndex(a.RunMode()) - modeIndex(b.RunMode())
	})
}

// RunMode is the mode the property ran in: r.Mode, with the empty value
// of results written before properties ran in both modes read as Explicit.
func (r PropertyResult) RunMode() Mode {
	if r.Mode == "" {
		return Explicit
	}
	return r.Mode
}

// PropertyKey is the key of a property result in a profile's recorded
// results: the property's name in the explicit mode, which is where
// properties ran before they ran in both, and "<name> defaults" in the
// defaults mode, as vector outcomes are keyed "<id> <mode>".
func PropertyKey(name string, m Mode) string {
	if m == Defaults {
		return name + " " + string(Defaults)
	}
	return name
}

// Key is the result's key in a profile's recorded results (PropertyKey),
// which reports also show it under: "exp-boundary", "exp-boundary defaults".
func (r PropertyResult) Key() string { return PropertyKey(r.Property, r.RunMode()) }

// ParsePropertyKey splits a recorded key (PropertyKey) into the property's
// name and mode.
func ParsePropertyKey(key string) (string, Mode) {
	if name, ok := strings.CutSuffix(key, " "+string(Defaults)); ok {
		return name, Defaults
	}
	return key, Explicit
}

// Record renders the result as a record keeps it: everything but the
// adapter, the property and mode (the record's key) and the
// counterexample's detail, which quotes library error text.
func (r PropertyResult) Record() PropertyRecord {
	rec := PropertyRecord{Status: r.Status, Clause: r.Clause, Severity: r.Severity, Unexplained: !r.Explained}
	if cx := r.Counterexample; cx != nil && r.Status == Fails {
		rec.Counterexample = &RecordedCounterexample{Payload: cx.Payload, Now: cx.Now, Leeway: cx.Leeway, MaxAge: cx.MaxAge, Replay: cx.Replay}
	}
	return rec
}
