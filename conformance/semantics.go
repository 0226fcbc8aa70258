package conformance

import (
	"time"

	"github.com/jwtconform/jwtconform/adapters"
)

// choice is how a parser resolves a point that RFC 8259 or RFC 7519 leaves
// to the implementation.
type choice int

// The resolutions of an implementation-defined point.
const (
	// either: the RFC allows both; the pure oracle's setting.
	either choice = iota
	// allow: the implementation accepts (ignores the oddity).
	allow
	// deny: the implementation rejects.
	deny
)

// dupPolicy is how duplicate member names resolve.
type dupPolicy int

// The duplicate-name policies.
const (
	// dupEither: reject, or take the lexically last (RFC 7519 4).
	dupEither dupPolicy = iota
	// dupLast: the last member wins.
	dupLast
	// dupFirst: the first member wins (an RFC departure).
	dupFirst
	// dupReject: duplicates are rejected.
	dupReject
)

// iatPolicy is what a future iat does.
type iatPolicy int

// The policies for an iat later than now.
const (
	// iatEither: the RFC sets no rule (4.1.6).
	iatEither iatPolicy = iota
	// iatIgnore: iat is never checked.
	iatIgnore
	// iatBeyondLeeway: rejected when iat > now + leeway.
	iatBeyondLeeway
)

// semantics is the switchboard of the oracle. Its zero value is RFC 7519
// exactly; each deviation in the catalogue turns one switch.
type semantics struct {
	bom choice
	// lenientUTF8: invalid UTF-8 is accepted (replaced), where RFC 7519 7.2
	// step 10 requires a valid UTF-8 JSON object.
	lenientUTF8   bool
	loneSurrogate choice
	deep          choice
	// depthLimit, when set, moves the point where deep applies from
	// maxDepth to this depth.
	depthLimit int
	dups       dupPolicy
	nestedDup  choice
	// stringClaims resolves an iss, sub, aud or jti that is not a string.
	stringClaims choice
	// nullClaimsSet: a payload that is JSON null counts as an empty object.
	nullClaimsSet bool
	// float64Anywhere: every number in the claims set, in any claim at any
	// depth, is decoded into a float64, so one beyond its range rejects the
	// token whichever claim holds it.
	float64Anywhere bool
	// caseFold: claim names match case-insensitively, last match wins, as
	// encoding/json does when it decodes into a struct.
	caseFold bool
	// read is how the JSON decoder reads a number literal (nil: exactly),
	// or fails with a rejection class.
	readNumber func(decimal) (decimal, failure)
	// instant maps the value read to the instant the library compares
	// (nil: itself), or fails with a rejection class.
	instant func(decimal) (decimal, failure)
	// quoted reads a string value as a NumericDate: ok is false when the
	// string is malformed; final means the result is already the instant
	// compared, rather than a number to read like any other.
	quoted func(string) (d decimal, final, ok bool)
	// zeroInstantUnchecked: a claim whose instant lies in the epoch's
	// first second is present but never compared.
	zeroInstantUnchecked bool
	// decodeEach: every occurrence of a duplicated claim is decoded, so a
	// malformed one rejects the token whichever wins.
	decodeEach bool
	// clockFloor: the clock is cut to whole seconds before comparing.
	clockFloor bool
	// trailingIgnored: bytes after the claims object are never read.
	trailingIgnored bool
	// nullAbsent, zeroAbsent: such a claim counts as missing; zero is
	// judged on the value read, before it becomes an instant.
	nullAbsent, zeroAbsent bool
	// malformedIat resolves an iat that is not a number.
	malformedIat choice
	futureIat    iatPolicy
	// expInclusive: a token is still valid at now == exp + leeway.
	expInclusive bool
	// defaultLeeway applies when the caller passes no leeway option.
	defaultLeeway time.Duration
}

// failure is a rejection with its class and reason; the zero value is none.
type failure struct {
	class  adapters.Class
	reason string
}

func (f failure) failed() bool { return f.class != "" }
