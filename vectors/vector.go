package vectors

import (
	"time"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
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
	// Leeway is the clock-skew allowance of the explicit mode; negative
	// narrows the window.
	Leeway time.Duration
	// Require lists the claims the explicit mode requires.
	Require []adapters.Claim
	// MaxAge is the explicit mode's maximum token age; zero for none.
	MaxAge time.Duration
	// MaxLifetime is the explicit mode's maximum exp - iat; zero for none.
	MaxLifetime time.Duration
	// Expect is the RFC verdict in the explicit mode.
	Expect oracle.Verdict
	// Class is the expected rejection class, if any.
	Class adapters.Class
	// Flags tag the vector, sorted.
	Flags []string
}
