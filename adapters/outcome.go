package adapters

import (
	"fmt"

	"github.com/jwtconform/jwtconform/oracle"
)

// Verdict is what happened to one verification.
type Verdict string

// The verdicts of one verification.
const (
	// Accept: the library accepted the token.
	Accept Verdict = "accept"
	// Reject: the library returned an error.
	Reject Verdict = "reject"
	// Panic: the library panicked; the harness recovered it.
	Panic Verdict = "panic"
	// Timeout: the library did not return within the harness's bound.
	Timeout Verdict = "timeout"
	// Unsupported: the library cannot express an option the test needs.
	Unsupported Verdict = "unsupported"
)

// Class is the kind of a rejection, as far as the library's errors tell
// it; it is the oracle's.
type Class = oracle.Class

// The rejection classes.
const (
	Expired        = oracle.Expired
	NotYetValid    = oracle.NotYetValid
	IssuedInFuture = oracle.IssuedInFuture
	MalformedClaim = oracle.MalformedClaim
	MissingClaim   = oracle.MissingClaim
	MalformedToken = oracle.MalformedToken
	Signature      = oracle.Signature
	KeyRefused     = oracle.KeyRefused
	Other          = oracle.Other
	// TooOld: older than the caller's maximum age (a policy, not RFC 7519).
	TooOld = oracle.TooOld
	// LifetimeTooLong: exp - iat beyond the caller's maximum lifetime.
	LifetimeTooLong = oracle.LifetimeTooLong
)

// Classes lists every rejection class, sorted.
var Classes = oracle.Classes

// ValidClass reports whether c is one of Classes.
func ValidClass(c Class) bool { return oracle.ValidClass(c) }

// Outcome is the result of one verification.
type Outcome struct {
	// Verdict is what happened.
	Verdict Verdict `json:"verdict"`
	// Class is the rejection class; empty unless Verdict is Reject.
	Class Class `json:"class,omitempty"`
	// Error is the library's error text, the panic value, or why the test
	// is unsupported.
	Error string `json:"error,omitempty"`
	// Stack is the goroutine stack of a panic.
	Stack string `json:"stack,omitempty"`
}

// Accepted is the outcome of a successful verification.
func Accepted() Outcome { return Outcome{Verdict: Accept} }

// Rejected is the outcome of a failed verification with its class.
func Rejected(c Class, err error) Outcome {
	o := Outcome{Verdict: Reject, Class: c}
	if err != nil {
		o.Error = err.Error()
	}
	return o
}

// NotSupported is the outcome of a test that needs an option the adapter
// cannot express.
func NotSupported(f Feature) Outcome {
	return Outcome{Verdict: Unsupported, Error: fmt.Sprintf("adapter cannot express %s", f)}
}

// String renders the outcome compactly, as "reject/expired".
func (o Outcome) String() string {
	if o.Class != "" {
		return string(o.Verdict) + "/" + string(o.Class)
	}
	return string(o.Verdict)
}
