package vectors

import (
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// Expect is the RFC 7519 verdict on a vector.
type Expect string

// The RFC verdicts.
const (
	// Accept: the RFC requires the token to be accepted.
	Accept Expect = "accept"
	// Reject: the RFC requires the token to be rejected.
	Reject Expect = "reject"
	// Either: the RFC leaves the choice to the implementation.
	Either Expect = "either"
)

// Vector is one test: a claims set judged at one clock reading.
type Vector struct {
	// ID is stable forever, "<file>/<label>".
	ID string
	// File is the name of the file the vector came from.
	File string
	// Comment says what the vector checks.
	Comment string
	// RFC is the clause the verdict comes from.
	RFC string
	// Payload is the exact claims-set bytes.
	Payload []byte
	// Now is the clock reading, exact to the nanosecond.
	Now time.Time
	// NowText is the clock as written in the file.
	NowText string
	// Leeway is the clock-skew allowance of the explicit mode.
	Leeway time.Duration
	// Require lists the claims the explicit mode requires.
	Require []adapters.Claim
	// Expect is the RFC verdict in the explicit mode.
	Expect Expect
	// Class is the expected rejection class, if any.
	Class adapters.Class
	// Flags tag the vector, sorted.
	Flags []string
}
