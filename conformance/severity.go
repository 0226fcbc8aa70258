package conformance

import (
	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

// Severity grades how an outcome departs from the RFC.
type Severity string

// The severities, from the design: accepting what the RFC says MUST be
// rejected is security, rejecting what MUST be accepted is interop,
// anything on an either vector is info.
const (
	// None: the outcome is what the RFC requires, or the test did not run.
	None Severity = ""
	// Info: the RFC leaves the choice to the implementation.
	Info Severity = "info"
	// Interop: the library rejects what the RFC says it must accept.
	Interop Severity = "interop"
	// Security: the library accepts what the RFC says it must reject, or
	// it panicked or hung, which a caller can be made to trigger.
	Security Severity = "security"
	// Policy: a choice the RFCs permit that a user must know about; so far
	// only a key the library refuses (class key, RFC 7518 3.2).
	Policy Severity = "policy"
)

// Severities lists the non-empty severities, most serious first.
var Severities = []Severity{Security, Interop, Info}

// Grade is the severity of outcome o against the RFC judgement rfc.
func Grade(o adapters.Outcome, rfc oracle.Judgement) Severity {
	switch o.Verdict {
	case adapters.Panic, adapters.Timeout:
		return Security
	case adapters.Unsupported:
		return None
	}
	if o.Verdict == adapters.Reject && o.Class == adapters.KeyRefused {
		// A refused key says nothing about the claims the RFC judged.
		return Policy
	}
	switch {
	case rfc.Verdict == oracle.Either:
		return Info
	case rfc.Verdict == oracle.Reject && o.Verdict == adapters.Accept:
		return Security
	case rfc.Verdict == oracle.Accept && o.Verdict == adapters.Reject:
		return Interop
	}
	return None
}
