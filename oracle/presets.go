package oracle

import (
	"fmt"
	"sort"
	"time"
)

// Preset is a named setting of the model's parameters: one way a library
// departs from RFC 7519, or resolves a point the RFC leaves to the
// implementation. The built-in presets are the catalogue; a library author
// makes their own with NewPreset.
type Preset struct {
	// ID is the stable name profiles use.
	ID string
	// Summary says in one line what the library does.
	Summary string
	// Apply sets the parameters on a model.
	Apply func(*Model)
}

// NewPreset returns a preset of the caller's own, for a behaviour the
// built-in presets do not name.
func NewPreset(id, summary string, apply func(*Model)) Preset {
	return Preset{ID: id, Summary: summary, Apply: apply}
}

// Presets lists every built-in preset, sorted by ID.
func Presets() []Preset {
	out := make([]Preset, 0, len(presets))
	for _, d := range presets {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// LookupPreset returns the built-in preset named id.
func LookupPreset(id string) (Preset, bool) {
	d, ok := presets[id]
	return d, ok
}

var presets = func() map[string]Preset {
	all := func(f func(*ClaimRule)) func(*Model) { return func(m *Model) { m.EachRule(f) } }
	m := map[string]Preset{}
	for _, d := range []Preset{
		{"exp-inclusive", "exp == now (+ leeway) is still valid", func(m *Model) { m.Exp.Boundary = BoundaryInclusive }},
		{"iat-future-rejected", "an iat later than now + leeway is rejected", func(m *Model) { m.FutureIat = FutureIatBeyondLeeway }},
		{"iat-ignored", "iat is never checked", func(m *Model) { m.FutureIat = FutureIatIgnored }},
		{"malformed-iat-rejected", "an iat that is not a number is rejected", func(m *Model) { m.MalformedIat = ChoiceReject }},
		{"malformed-iat-ignored", "an iat that is not a number is ignored", func(m *Model) { m.MalformedIat = ChoiceAccept }},
		{"duplicates-last-wins", "duplicate claim names: the last one wins", func(m *Model) { m.Duplicates = DuplicatesLast }},
		{"duplicates-first-wins", "duplicate claim names: the first one wins", func(m *Model) { m.Duplicates = DuplicatesFirst }},
		{"duplicates-rejected", "duplicate claim names are rejected", func(m *Model) { m.Duplicates = DuplicatesReject }},
		{"registered-string-claims-typed", "an iss, sub, aud or jti that is not a string (aud: nor an array of strings) rejects the token", func(m *Model) { m.StringClaims = ChoiceReject }},
		{"registered-string-claims-unchecked", "the types of iss, sub, aud and jti are never checked", func(m *Model) { m.StringClaims = ChoiceAccept }},
		{"nested-duplicates-accepted", "duplicate member names inside a claim value are accepted", func(m *Model) { m.NestedDuplicates = ChoiceAccept }},
		{"nested-duplicates-rejected", "duplicate member names inside a claim value are rejected", func(m *Model) { m.NestedDuplicates = ChoiceReject }},
		{"bom-ignored", "a byte-order mark before the claims set is ignored", func(m *Model) { m.BOM = ChoiceAccept }},
		{"bom-rejected", "a byte-order mark before the claims set is rejected", func(m *Model) { m.BOM = ChoiceReject }},
		{"lone-surrogate-accepted", "a lone surrogate escape is accepted (replaced by U+FFFD)", func(m *Model) { m.LoneSurrogate = ChoiceAccept }},
		{"lone-surrogate-rejected", "a lone surrogate escape is rejected", func(m *Model) { m.LoneSurrogate = ChoiceReject }},
		{"deep-nesting-accepted", fmt.Sprintf("nesting deeper than %d is accepted", MaxDepth), func(m *Model) { m.DeepNesting = ChoiceAccept }},
		{"deep-nesting-rejected", fmt.Sprintf("nesting deeper than %d is rejected", MaxDepth), func(m *Model) { m.DeepNesting = ChoiceReject }},
		{"nesting-limit-10000", "nesting deeper than 10000 is rejected, shallower accepted, as encoding/json does", func(m *Model) { m.DepthLimit, m.DeepNesting = 10000, ChoiceReject }},
		{"invalid-utf8-accepted", "invalid UTF-8 in the claims set is accepted", func(m *Model) { m.InvalidUTF8Accepted = true }},
		{"case-insensitive-names", "claim names match case-insensitively; the last match wins", func(m *Model) { m.CaseFold = true }},
		{"quoted-number-accepted", "a string holding a JSON number is read as that number", func(m *Model) { m.Quoted = QuotedJSONNumber }},
		{"quoted-seconds-or-rfc3339-accepted", "a string of digits and dots is read as the whole seconds before its first dot; any other string is parsed as an RFC 3339 date", func(m *Model) { m.Quoted = QuotedSecondsOrRFC3339 }},
		{"numericdate-printf-whole-seconds", "the float64 is printed with %.9f and the digits before the point become whole seconds; a negative value or one beyond int64 is malformed", func(m *Model) { m.Instant = InstantPrintfWholeSeconds }},
		{"epoch-second-unchecked", "a time claim in the epoch's first second (0 <= t < 1) is never compared, though it counts as present", all(func(r *ClaimRule) { r.EpochSecondUnchecked = true })},
		{"duplicates-each-decoded", "every occurrence of a duplicated time claim is decoded: a malformed one rejects the token even when a later one wins", func(m *Model) { m.DecodeEach = true }},
		{"clock-whole-seconds", "the clock is cut to whole seconds before it is compared", func(m *Model) { m.Clock = Clock{Unit: time.Second, Rounding: RoundFloor} }},
		{"header-exact-forms-only", "a token is accepted only with a header of exactly {\"alg\":A,\"typ\":\"JWT\"}, {\"typ\":\"JWT\",\"alg\":A} or {\"alg\":A} (seen by verify, which judges whole tokens)", func(m *Model) { m.HeaderExactForms = true }},
		{"base64-padding-accepted", "a compact JWS whose base64url segments keep '=' padding is accepted (seen by verify, which judges whole tokens)", func(m *Model) { m.Base64PaddingAccepted = true }},
		{"trailing-data-ignored", "bytes after the claims object are never read", func(m *Model) { m.TrailingIgnored = true }},
		{"null-as-absent", "a null time claim counts as missing", all(func(r *ClaimRule) { r.NullAbsent = true })},
		{"zero-as-absent", "a time claim equal to 0 counts as missing", all(func(r *ClaimRule) { r.ZeroAbsent = true })},
		{"float64-overflow-anywhere-rejected", "any number in the claims set beyond the float64 range, in any claim at any depth, rejects the token", func(m *Model) { m.Float64Anywhere = true }},
		{"numericdate-float64", "a NumericDate is read as the nearest float64; beyond its range the token is rejected", func(m *Model) { m.Number = NumberFloat64 }},
		{"numericdate-whole-seconds-floor", "fractional seconds are dropped toward the past, through Go's time.Time (math.Modf, time.Unix, Truncate)", func(m *Model) { m.Instant = InstantGoTimeFloor }},
		{"numericdate-int64-seconds", "a NumericDate becomes int64 seconds, cut toward zero; beyond ±2^62 it is malformed", func(m *Model) { m.Instant = InstantInt64Seconds }},
		{"null-claims-set-accepted", "a claims set that is JSON null is read as an empty object", func(m *Model) { m.NullClaimsSet = true }},
		{"default-leeway-1m", "with no leeway option, a leeway of one minute applies", all(func(r *ClaimRule) { r.DefaultLeeway = time.Minute })},
		// Added with golang-jwt v3 and v4, dgrijalva/jwt-go and kataras/jwt (issue 11).
		{"numericdate-whole-seconds-trunc-int64", "a NumericDate read as a float64 becomes int64(f) whole seconds, cut toward zero; beyond int64 as Go converts it on the platform", func(m *Model) { m.Instant = InstantGoInt64 }},
		{"numericdate-whole-milliseconds-floor", "fractional seconds below a millisecond are dropped toward the past, through Go's time.Time (golang-jwt with TimePrecision = time.Millisecond)", func(m *Model) { m.Instant = InstantGoTimeFloorMillis }},
		{"wrong-type-as-absent", "a time claim that is not a number (string, null, boolean, array, object) counts as missing", all(func(r *ClaimRule) { r.WrongTypeIgnored = true })},
		// jwx v3's NumericDate reading (jwt/internal/types/date.go).
		{"numericdate-jwx3-whole-seconds", "a NumericDate is read from its digits and cut toward the past to whole seconds (one with an exponent through float64 and %.9f first); beyond int64 seconds or time.Time's range it is malformed", func(m *Model) { m.Instant = InstantJWXv3 }},
		{"numericdate-jwx3-nanoseconds", "as numericdate-jwx3-whole-seconds, keeping nine fractional digits (jwx's ParsePrecision 9)", func(m *Model) { m.Instant, m.InstantDigits = InstantJWXv3, 9 }},
		{"quoted-epoch-or-rfc3339-accepted", "a string holding a decimal number of seconds is read as that NumericDate; any other string is parsed as an RFC 3339 date", func(m *Model) { m.Quoted = QuotedEpochOrRFC3339 }},
		{"quoted-epoch-accepted", "a string holding a decimal number of seconds is read as that NumericDate", func(m *Model) { m.Quoted = QuotedEpoch }},
		// go-jose v3 and square go-jose v2 (jwt/claims.go NumericDate).
		// jwx's WithMaxDelta (jwt/validate.go isInTimeRange), the caller's max age and lifetime.
		{"max-delta-bound-wraps", "the bound of a max age or lifetime, limit + leeway, is an int64 sum of nanoseconds that wraps to a negative bound past 2^63 - 1 ns (292 years)", func(m *Model) { m.PolicyBoundWraps = true }},
		{"numericdate-int64-seconds-unguarded", "a NumericDate becomes int64 seconds cut toward zero with no range check: beyond int64 the platform's float conversion decides (amd64: the most negative int64) and time.Unix wraps", func(m *Model) { m.Instant = InstantInt64Unguarded }},
		// go-oidc, tink and hashicorp/cap (issue 11).
		{"numericdate-json-number-int64", "a whole number within int64 is taken as it is, any other is cut toward zero through float64; then time.Unix with Go's wrap", func(m *Model) { m.Instant = InstantJSONNumberInt64 }},
		{"case-fold-collision-rejected", "a claim name that is not a registered one but equals one under case folding (EXP, ſub) rejects the token", func(m *Model) { m.FoldCollisionRejected = true }},
		{"registered-string-claims-strict", "an iss, sub, aud or jti that is not a string (aud: nor a non-empty array of strings), null included, rejects the token", func(m *Model) { m.StringClaims, m.StringClaimsStrict = ChoiceReject, true }},
		{"numericdate-int64-seconds-to-9999", "a NumericDate becomes int64 seconds, cut toward zero; outside 0 to 253402300799 (year 9999) it is malformed", func(m *Model) { m.Instant = InstantInt64SecondsTo9999 }},
		// kataras/jwt (claims.go validateClaims, verify.go verifyToken).
		{"clock-nearest-second", "the clock is rounded to the nearest whole second, halves up, before it is compared", func(m *Model) { m.Clock = Clock{Unit: time.Second, Rounding: RoundNearest} }},
		{"non-positive-as-absent", "a time claim at or before 0 (the epoch) counts as missing", all(func(r *ClaimRule) { r.NonPositiveAbsent = true })},
		{"duplicate-null-keeps-earlier", "a null occurrence of a duplicated time claim does not replace an earlier one: the earlier value stands", func(m *Model) { m.NullKeepsEarlier = true }},
		{"time-checks-skipped-on-decode-failure", "when a registered claim does not decode into the library's int64 or string field (a fractional, exponent, quoted or out-of-range time claim, a non-string iss or sub) but does into its json.Number fallback, no time claim is checked: an expired token is accepted", func(m *Model) { m.SkipTimeChecksOnDecodeFailure = true }},
	} {
		if _, dup := m[d.ID]; dup {
			panic("oracle: preset " + d.ID + " listed twice")
		}
		m[d.ID] = d
	}
	return m
}()
