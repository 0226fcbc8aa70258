package report

import (
	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
)

// SchemaVersion identifies the results.json format. Fields may be added
// within a version; a change that breaks a reader bumps it.
const SchemaVersion = "jwtconform-results/v2"

// SuiteVersion is the version of the suite that wrote a Document: the
// vectors, the oracle and the deviation catalogue taken together.
const SuiteVersion = "0.1.0"

// Document is the content of results.json: everything one run measured,
// sorted, with nothing that changes between two runs on the same inputs
// unless a timestamp is asked for.
type Document struct {
	// Schema is SchemaVersion.
	Schema string `json:"schema"`
	// Suite says what was run and with which toolchain.
	Suite Suite `json:"suite"`
	// Modules are the modules of every adapter and minter of the run,
	// sorted by path: with Suite.Go, every version that took part.
	Modules []adapters.Module `json:"modules"`
	// Adapters are the adapters run, sorted by name.
	Adapters []Adapter `json:"adapters"`
	// Vectors are the vectors run, sorted by id.
	Vectors []Vector `json:"vectors"`
	// Results holds one entry per vector, adapter and mode, sorted by
	// adapter, vector and mode (explicit first).
	Results []Result `json:"results"`
	// Properties are the rapid property results, sorted by adapter and
	// property; absent when the properties were not run.
	Properties []conformance.PropertyResult `json:"properties,omitzero"`
	// Resources are the resource-exhaustion measurements, sorted by
	// adapter and shape; absent when they were not run.
	Resources []conformance.ResourceResult `json:"resources,omitzero"`
	// Fuzz are the fuzzing findings, sorted by target and file; absent
	// when none were collected.
	Fuzz []conformance.FuzzFinding `json:"fuzz,omitzero"`
	// Timelines are the acceptance timelines around nbf and exp, sorted by
	// adapter and setting; absent when they were not measured.
	Timelines []conformance.Timeline `json:"timelines,omitzero"`
	// Migrations summarise what changes when an application moves from
	// one adapter to another, for the pairs the run was given (the
	// built-in ones: an archived library to its successor, a major version
	// to the next), in that order; absent when none was asked for.
	Migrations []MigrationSummary `json:"migrations,omitzero"`
}

// Suite identifies the suite, its inputs and the toolchain of a run.
type Suite struct {
	// Version is SuiteVersion.
	Version string `json:"version"`
	// VectorsDigest is "sha256:" and the hex digest of the embedded
	// vector files (see VectorsDigest).
	VectorsDigest string `json:"vectorsDigest"`
	// Go is the toolchain that built the run, as runtime.Version says.
	Go string `json:"go"`
	// Selection holds the patterns that chose the adapters and vectors,
	// when the run was narrowed.
	Selection *Selection `json:"selection,omitempty"`
	// Timestamp is when the run happened, RFC 3339 in UTC; empty unless
	// asked for, so that two runs stay byte-identical.
	Timestamp string `json:"timestamp,omitempty"`
}

// Selection holds the patterns a run was narrowed with.
type Selection struct {
	// Adapters is the -adapter pattern.
	Adapters string `json:"adapters,omitempty"`
	// Vectors is the -vectors pattern.
	Vectors string `json:"vectors,omitempty"`
}

// Adapter is one adapter of a run with its declared profile.
type Adapter struct {
	// Name is the adapter's stable name.
	Name string `json:"name"`
	// Module is the library's module path and version from build info.
	Module adapters.Module `json:"module"`
	// RecordedWith is the module@version the profile's outcomes were
	// recorded with, when the profile says.
	RecordedWith string `json:"recordedWith,omitempty"`
	// Deviations are the profile's declared deviations, sorted by id.
	Deviations []Deviation `json:"deviations"`
	// Parameters are the model parameters the profile sets one by one,
	// sorted by name and value; absent when it sets none.
	Parameters []Parameter `json:"parameters,omitempty"`
	// Score sums up the adapter's results.
	Score Score `json:"score"`
	// RootCauses group the adapter's explained departures from the RFC by
	// what in its profile explains them, gravest first.
	RootCauses []RootCause `json:"rootCauses"`
}

// Deviation is a deviation an adapter's profile declares.
type Deviation struct {
	// ID names the catalogue entry.
	ID string `json:"id"`
	// Summary is the catalogue's one-line description.
	Summary string `json:"summary"`
	// Reason is the profile's reason, citing the RFC and the library.
	Reason string `json:"reason"`
}

// Parameter is a parameter of the model an adapter's profile sets.
type Parameter struct {
	// Name is the parameter's name, as oracle.Parameters lists it.
	Name string `json:"name"`
	// Value is its value, in the parameter's own notation.
	Value string `json:"value"`
	// Reason is the profile's reason, citing the RFC and the library.
	Reason string `json:"reason"`
}

// String is the parameter as Model.Set takes it: "nbf.default-leeway=5m".
func (p Parameter) String() string { return p.Name + "=" + p.Value }

// Score sums up one adapter's vector results.
type Score struct {
	// Vectors is the number of vectors run.
	Vectors int `json:"vectors"`
	// Agree counts, per mode, the vectors whose outcome the RFC requires
	// (severity none, and not unsupported).
	Agree ModeCounts `json:"agree"`
	// Security, Lenient, Interop, Policy and Info count the results of
	// each severity, over both modes.
	Security int `json:"security"`
	Lenient  int `json:"lenient"`
	Interop  int `json:"interop"`
	Policy   int `json:"policy"`
	Info     int `json:"info"`
	// RootCauses counts the adapter's root causes by severity.
	RootCauses SeverityCounts `json:"rootCauses"`
	// Unsupported counts results the adapter could not express.
	Unsupported int `json:"unsupported"`
	// Unexplained counts results the profile does not predict.
	Unexplained int `json:"unexplained"`
}

// ModeCounts is a count per mode.
type ModeCounts struct {
	// Explicit counts the explicit mode.
	Explicit int `json:"explicit"`
	// Defaults counts the defaults mode.
	Defaults int `json:"defaults"`
}

// Vector is one vector as the reports show it.
type Vector struct {
	// ID is the vector's stable id.
	ID string `json:"id"`
	// Topic is the vector file's name without ".json".
	Topic string `json:"topic"`
	// Comment says what the vector checks.
	Comment string `json:"comment"`
	// Clause is the RFC clause the verdict comes from.
	Clause string `json:"clause"`
	// Payload is the claims set, when it is valid UTF-8.
	Payload *string `json:"payload,omitempty"`
	// PayloadBase64 is the claims set in standard base64, when it is not
	// valid UTF-8. Exactly one of the two is set.
	PayloadBase64 string `json:"payloadBase64,omitempty"`
	// Token is the compact JWS the adapters verified.
	Token string `json:"token"`
	// Now is the clock as decimal seconds.
	Now string `json:"now"`
	// Leeway is the explicit mode's leeway, as a Go duration.
	Leeway string `json:"leeway"`
	// Require lists the claims the explicit mode requires.
	Require []adapters.Claim `json:"require"`
	// MaxAge is the explicit mode's maximum token age, a Go duration;
	// absent for none.
	MaxAge string `json:"maxAge,omitempty"`
	// MaxLifetime is the explicit mode's maximum exp - iat, a Go
	// duration; absent for none.
	MaxLifetime string `json:"maxLifetime,omitempty"`
	// Flags tag the vector, sorted.
	Flags []string `json:"flags"`
	// RFC is the oracle's judgement in each mode, in mode order.
	RFC []ModeJudgement `json:"rfc"`
}

// ModeJudgement is the RFC oracle's judgement of a vector in one mode.
type ModeJudgement struct {
	// Mode is explicit or defaults.
	Mode conformance.Mode `json:"mode"`
	// Verdict is accept, reject or either.
	Verdict oracle.Verdict `json:"verdict"`
	// Classes are the rejection classes the RFC allows, sorted.
	Classes []adapters.Class `json:"classes,omitempty"`
	// Reasons explain the verdict, each naming its clause.
	Reasons []string `json:"reasons,omitempty"`
}

// Result is one vector run through one adapter in one mode.
type Result struct {
	// Adapter is the adapter's name.
	Adapter string `json:"adapter"`
	// Vector is the vector's id.
	Vector string `json:"vector"`
	// Mode is explicit or defaults.
	Mode conformance.Mode `json:"mode"`
	// Alg is the JWS algorithm the harness signed the token with; empty
	// when it has a key for none the adapter verifies.
	Alg string `json:"alg,omitempty"`
	// Verdict is what the library did: accept, reject, panic, timeout or
	// unsupported.
	Verdict adapters.Verdict `json:"verdict"`
	// Class is the rejection class, for a reject.
	Class adapters.Class `json:"class,omitempty"`
	// Error is the library's error text, the panic value, or why the test
	// is unsupported. A panic's stack is left out: it is not stable.
	Error string `json:"error,omitempty"`
	// RFC is the oracle's verdict.
	RFC oracle.Verdict `json:"rfc"`
	// Profile is the verdict the adapter's profile predicts.
	Profile oracle.Verdict `json:"profile"`
	// Severity grades the outcome against the RFC; empty when it agrees.
	Severity conformance.Severity `json:"severity,omitempty"`
	// RootCauses name the profile's presets or parameter values whose
	// removal changes the prediction: what explains a departure.
	RootCauses []string `json:"rootCauses,omitempty"`
	// Explained is false when the profile does not predict the outcome.
	Explained bool `json:"explained"`
}

// Outcome is the result's outcome in the form profiles record it:
// "reject/expired".
func (r Result) Outcome() string {
	return adapters.Outcome{Verdict: r.Verdict, Class: r.Class}.String()
}

// Key identifies the result within a Document: adapter, vector and mode.
func (r Result) Key() ResultKey { return ResultKey{r.Adapter, r.Vector, r.Mode} }

// ResultKey identifies a result: adapter, vector and mode.
type ResultKey struct {
	Adapter string           `json:"adapter"`
	Vector  string           `json:"vector"`
	Mode    conformance.Mode `json:"mode"`
}

// PayloadBytes is the vector's exact claims-set bytes.
func (v Vector) PayloadBytes() []byte {
	if v.Payload != nil {
		return []byte(*v.Payload)
	}
	b, err := base64Std.DecodeString(v.PayloadBase64)
	if err != nil {
		return nil
	}
	return b
}

// Judgement returns the RFC judgement in mode m.
func (v Vector) Judgement(m conformance.Mode) ModeJudgement {
	for _, j := range v.RFC {
		if j.Mode == m {
			return j
		}
	}
	return ModeJudgement{Mode: m}
}
