package oracle

import "time"

// Choice is how a parser resolves a point that RFC 8259 or RFC 7519 leaves
// to the implementation.
type Choice int

// The resolutions of an implementation-defined point.
const (
	// ChoiceOpen: the RFC allows both; the pure oracle's setting.
	ChoiceOpen Choice = iota
	// ChoiceAccept: the implementation accepts (ignores the oddity).
	ChoiceAccept
	// ChoiceReject: the implementation rejects.
	ChoiceReject
)

// Duplicates is how duplicate claim names resolve.
type Duplicates int

// The duplicate-name policies.
const (
	// DuplicatesOpen: reject, or take the lexically last (RFC 7519 4).
	DuplicatesOpen Duplicates = iota
	// DuplicatesLast: the last member wins.
	DuplicatesLast
	// DuplicatesFirst: the first member wins (an RFC departure).
	DuplicatesFirst
	// DuplicatesReject: duplicates are rejected.
	DuplicatesReject
)

// FutureIat is what an iat later than now does.
type FutureIat int

// The policies for an iat later than now.
const (
	// FutureIatOpen: the RFC sets no rule (4.1.6).
	FutureIatOpen FutureIat = iota
	// FutureIatIgnored: iat is never checked.
	FutureIatIgnored
	// FutureIatBeyondLeeway: rejected when iat > now + leeway.
	FutureIatBeyondLeeway
)

// Boundary is whether a claim's own instant is inside the validity window.
type Boundary int

// The boundaries of exp and nbf.
const (
	// BoundaryRFC: exp is exclusive (now must be before it, 4.1.4) and nbf
	// inclusive (now may equal it, 4.1.5).
	BoundaryRFC Boundary = iota
	// BoundaryInclusive: the token is valid at now == claim ± leeway.
	BoundaryInclusive
	// BoundaryExclusive: the token is invalid at now == claim ± leeway.
	BoundaryExclusive
)

// LeewayUse is how a leeway moves a claim's bound.
type LeewayUse int

// The uses of a leeway.
const (
	// LeewayWidens: the RFC's skew allowance: exp later, nbf and iat
	// earlier by the leeway.
	LeewayWidens LeewayUse = iota
	// LeewayIgnored: the claim is compared with no leeway.
	LeewayIgnored
	// LeewayNarrows: the leeway moves the bound the other way, shortening
	// the window (kataras/jwt's Leeway).
	LeewayNarrows
)

// Rounding is how a value is brought to a unit.
type Rounding int

// The roundings.
const (
	// RoundExact: not rounded.
	RoundExact Rounding = iota
	// RoundFloor: toward the past.
	RoundFloor
	// RoundNearest: to the nearest unit, halves away from the past.
	RoundNearest
)

// Clock is how the library reads the clock it is given.
type Clock struct {
	// Unit is the precision the clock is cut to; zero means exact.
	Unit time.Duration
	// Rounding is how the clock reaches Unit.
	Rounding Rounding
}

// Number is how the JSON decoder reads a number literal.
type Number int

// The number readings.
const (
	// NumberExact: the exact value of the literal (RFC 7519 2).
	NumberExact Number = iota
	// NumberFloat64: the nearest float64; beyond its range the token is
	// rejected, as encoding/json does.
	NumberFloat64
)

// Instant is how the number read becomes the instant compared.
type Instant int

// The instant conversions. The library-named ones mirror a library's code
// exactly, including its range limits and wrap-arounds.
const (
	// InstantExact: the number itself.
	InstantExact Instant = iota
	// InstantGoTimeFloor: golang-jwt v5: math.Modf, time.Unix, then
	// Truncate to a second, with time.Time's int64 wrap.
	InstantGoTimeFloor
	// InstantInt64Seconds: go-jose v4: int64 seconds cut toward zero; at or
	// beyond ±2^62 malformed.
	InstantInt64Seconds
	// InstantPrintfWholeSeconds: jwx v2: the float64 printed with %.9f, the
	// digits before the point read as int64 seconds; negative values and
	// values beyond int64 are malformed.
	InstantPrintfWholeSeconds
	// InstantTruncSeconds: whole seconds cut toward zero, exactly.
	InstantTruncSeconds
	// InstantFloorSeconds: whole seconds toward the past, exactly.
	InstantFloorSeconds
	// InstantRoundSeconds: the nearest whole second, halves up, exactly.
	InstantRoundSeconds
	// InstantInt32Seconds: whole seconds cut toward zero; beyond the int32
	// range malformed.
	InstantInt32Seconds
	// InstantGoInt64: golang-jwt v3 and dgrijalva/jwt-go: the float64
	// converted with Go's int64(f), cut toward zero, a value beyond the
	// int64 range converted as the running platform converts it (the Go
	// spec leaves it to the implementation; amd64 gives math.MinInt64).
	InstantGoInt64
	// InstantGoTimeFloorMillis: golang-jwt v5 with TimePrecision set to a
	// millisecond: InstantGoTimeFloor truncated to the millisecond.
	InstantGoTimeFloorMillis
	// InstantJWXv3: jwx v3: a plain decimal literal read from its digits,
	// keeping InstantDigits fractional digits toward the past; one with an
	// exponent through float64 and %.9f first; beyond int64 seconds or
	// time.Time's range malformed.
	InstantJWXv3
	// InstantInt64Unguarded: go-jose v3 and square go-jose v2: int64(f)
	// seconds cut toward zero with no range check, so a float64 beyond
	// int64 converts as the platform's conversion does (on amd64 the most
	// negative int64), and time.Unix wraps as Go's does.
	InstantInt64Unguarded
	// InstantJSONNumberInt64: go-oidc v3: a whole number within int64 is
	// taken as it is, any other is read as a float64 (beyond its range
	// malformed) and converted with int64(f), cut toward zero; then
	// time.Unix, with time.Time's int64 wrap.
	InstantJSONNumberInt64
	// InstantInt64SecondsTo9999: tink: int64(f) seconds, cut toward zero;
	// outside 0 to 253402300799 (9999-12-31T23:59:59Z) malformed.
	InstantInt64SecondsTo9999
)

// Quoted is how a string value of a time claim is read.
type Quoted int

// The string readings.
const (
	// QuotedMalformed: a string is not a NumericDate (RFC 7519 2).
	QuotedMalformed Quoted = iota
	// QuotedJSONNumber: a string holding a JSON number literal is read as
	// that number, as encoding/json's json.Number does.
	QuotedJSONNumber
	// QuotedSecondsOrRFC3339: jwx v2: digits and dots become the whole
	// seconds before the first dot; any other string is an RFC 3339 date.
	QuotedSecondsOrRFC3339
	// QuotedEpochOrRFC3339: jwx v3: a decimal number of seconds without an
	// exponent, read as InstantJWXv3 reads a literal; any other string an
	// RFC 3339 date.
	QuotedEpochOrRFC3339
	// QuotedEpoch: jwx v3 in pedantic mode: a decimal number of seconds
	// only.
	QuotedEpoch
)

// Synthesis derives a missing claim from another one, or from the first
// or the later of two.
type Synthesis struct {
	// From is the claim the value is taken from; empty means none.
	From Claim
	// Offset is added to From's instant.
	Offset time.Duration
	// Alt is a second source, empty for none: taken when From is missing,
	// or, with Latest, whichever of the two gives the later instant
	// (hashicorp/cap: exp from the later of iat and nbf, nbf from iat or
	// else from exp).
	Alt Claim
	// AltOffset is added to Alt's instant.
	AltOffset time.Duration
	// Latest takes the later of From and Alt when both are present.
	Latest bool
}

// ClaimRule is how one time claim is read and compared.
type ClaimRule struct {
	// Boundary is whether the claim's instant is inside the window.
	Boundary Boundary
	// Leeway is how a leeway moves the claim's bound.
	Leeway LeewayUse
	// DefaultLeeway applies when the caller passes no leeway option.
	DefaultLeeway time.Duration
	// NullAbsent: a null value counts as missing.
	NullAbsent bool
	// ZeroAbsent: a value equal to 0 counts as missing; judged on the
	// number read, before it becomes an instant.
	ZeroAbsent bool
	// NonPositiveAbsent: an instant at or before the epoch (t <= 0) counts
	// as missing, as in a library that compares a claim only when its
	// integer is positive; judged on the instant compared.
	NonPositiveAbsent bool
	// EpochSecondUnchecked: an instant in the epoch's first second
	// (0 <= t < 1) counts as present but is never compared.
	EpochSecondUnchecked bool
	// WrongTypeIgnored: a value that is not a number, or a string the
	// model does not read as one (Quoted), counts as missing rather than
	// malformed; null too, unless NullAbsent already makes it missing.
	WrongTypeIgnored bool
	// Required: the claim must be present even when the caller does not
	// ask for it.
	Required bool
	// Synthesis gives a missing claim a value derived from another.
	Synthesis Synthesis
}

// Model is a verifier's behaviour as parameters of RFC 7519. Its zero value
// is RFC 7519 exactly; a library's profile sets the parameters it departs
// in, through presets or one by one.
type Model struct {
	// BOM resolves a byte-order mark before the claims set (RFC 8259 8.1).
	BOM Choice
	// InvalidUTF8Accepted: invalid UTF-8 is replaced and accepted, where
	// RFC 7519 7.2 step 10 requires a valid UTF-8 JSON object.
	InvalidUTF8Accepted bool
	// LoneSurrogate resolves a lone surrogate escape (RFC 8259 8.2).
	LoneSurrogate Choice
	// DeepNesting resolves nesting past DepthLimit (RFC 8259 9).
	DeepNesting Choice
	// DepthLimit moves the point where DeepNesting applies; zero means
	// MaxDepth.
	DepthLimit int
	// Duplicates resolves duplicate claim names (RFC 7519 4).
	Duplicates Duplicates
	// NestedDuplicates resolves duplicate names inside a claim value.
	NestedDuplicates Choice
	// StringClaims resolves an iss, sub, aud or jti that is not a string.
	StringClaims Choice
	// StringClaimsStrict: a null iss, sub, aud or jti, and an aud that is
	// an empty array, count as not a string too, as tink's validatePayload
	// has it; otherwise null reads as absent, as a Go string field does.
	StringClaimsStrict bool
	// NullClaimsSet: a payload that is JSON null counts as an empty object.
	NullClaimsSet bool
	// Float64Anywhere: every number in the claims set, in any claim at any
	// depth, is decoded into a float64, so one beyond its range rejects the
	// token whichever claim holds it.
	Float64Anywhere bool
	// CaseFold: claim names match case-insensitively, last match wins, as
	// encoding/json does when it decodes into a struct.
	CaseFold bool
	// FoldCollisionRejected: a member name that differs from a registered
	// claim name (RFC 7519 4.1) but equals it under Unicode simple case
	// folding rejects the token, as hashicorp/cap's
	// checkRegisteredClaimCollisions does.
	FoldCollisionRejected bool
	// TrailingIgnored: bytes after the claims object are never read.
	TrailingIgnored bool
	// DecodeEach: every occurrence of a duplicated claim is decoded, so a
	// malformed one rejects the token whichever wins.
	DecodeEach bool
	// NullKeepsEarlier: a null occurrence of a duplicated time claim
	// leaves the value an earlier occurrence set, as encoding/json does
	// for a struct field that is not a pointer.
	NullKeepsEarlier bool
	// Number is how a number literal is read.
	Number Number
	// BeyondBinary64 resolves a NumericDate beyond the finite IEEE 754
	// binary64 range, read exactly (Number is NumberExact): RFC 8259 6
	// names binary64 as the interoperable range and 9 lets a parser limit
	// the range of numbers, so refusing one is the implementation's choice.
	BeyondBinary64 Choice
	// Instant is how the number read becomes the instant compared.
	Instant Instant
	// InstantDigits is the fractional digits InstantJWXv3 and the jwx v3
	// string readings keep (jwx's ParsePrecision, 0 to 9).
	InstantDigits int
	// Quoted is how a string value of a time claim is read.
	Quoted Quoted
	// Clock is how the clock is read.
	Clock Clock
	// Exp, Nbf and Iat are the per-claim rules.
	Exp, Nbf, Iat ClaimRule
	// MalformedIat resolves an iat that is not a NumericDate.
	MalformedIat Choice
	// FutureIat is the policy for an iat later than now.
	FutureIat FutureIat
	// Base64PaddingAccepted: a compact JWS whose base64url segments keep
	// their '=' padding, which RFC 7515 2 rules out, is read as if it had
	// none. Judge sees only the claims set, so this changes no judgement
	// of it; a caller that judges whole tokens (jwtconform verify) reads
	// it.
	Base64PaddingAccepted bool
	// HeaderExactForms: the protected header must be, byte for byte, one of
	// the forms the library writes itself, {"alg":A,"typ":"JWT"},
	// {"typ":"JWT","alg":A} or {"alg":A} (ExactHeaderForm); any other
	// header, such as one with a kid, is rejected as a signature failure.
	// The harness writes the first form, so only a caller that judges
	// whole tokens (jwtconform verify) sees it.
	HeaderExactForms bool
	// PolicyBoundWraps: the bound of a caller's maximum age or lifetime,
	// the limit plus the leeway, is an int64 sum of nanoseconds that wraps
	// past 2^63 - 1 to a negative bound (jwx's iitr.dur+skew), rather than
	// the exact sum.
	PolicyBoundWraps bool
	// SkipTimeChecksOnDecodeFailure mirrors kataras/jwt's Verify
	// (verify.go:65-77, claims.go:22-90): the claims set is decoded with
	// encoding/json into a struct of int64 exp, nbf and iat, string iss,
	// sub, jti and origin_jti, and an Audience aud; when that fails, into a
	// fallback struct of json.Number exp, nbf and iat and untyped iss and
	// sub; when the fallback succeeds, no time claim is compared or
	// required and the token is accepted.
	//
	// Every occurrence of a name counts (the decoder decodes each), names
	// matched as CaseFold says. The first decode fails on an exp, nbf or
	// iat that is neither null nor an integer literal within int64 (a
	// fraction, even .0, an exponent, a value beyond int64, a string, a
	// boolean, an array, an object), or on an iss, sub, jti or origin_jti
	// that is neither null nor a string. The fallback fails, and the token
	// is rejected as malformed, on an exp, nbf or iat that is a boolean, an
	// array, an object or a string that is not a JSON number literal, or
	// on a jti or origin_jti that is neither null nor a string. An aud
	// array holding anything but strings and nulls fails both decodes; any
	// other aud is ignored. This decode settles the types of iss, sub, aud
	// and jti, so StringClaims does not apply.
	SkipTimeChecksOnDecodeFailure bool
}

// Rule returns the model's rule for time claim c.
func (m *Model) Rule(c Claim) *ClaimRule {
	switch c {
	case Exp:
		return &m.Exp
	case Nbf:
		return &m.Nbf
	}
	return &m.Iat
}

// EachRule applies f to the rule of every time claim, for presets that
// treat all three alike.
func (m *Model) EachRule(f func(*ClaimRule)) {
	for _, c := range TimeClaims {
		f(m.Rule(c))
	}
}

// failure is a rejection with its class and reason; the zero value is none.
type failure struct {
	class  Class
	reason string
}

func (f failure) failed() bool { return f.class != "" }

// ExactHeaderForm reports whether a decoded protected header is, byte for
// byte, one of the forms of Model.HeaderExactForms for algorithm alg.
func ExactHeaderForm(header []byte, alg string) bool {
	h := string(header)
	return h == `{"alg":"`+alg+`","typ":"JWT"}` || h == `{"typ":"JWT","alg":"`+alg+`"}` || h == `{"alg":"`+alg+`"}`
}
