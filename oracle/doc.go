// Package oracle is RFC 7519's time-claim rules as a pure function of the
// exact claims-set bytes: no JWT library underneath, the standard library
// alone, so a library author can import it to judge a token.
//
// [Judge] applies RFC 7519 exactly. A [Model] is the same rules with
// parameters set: where a library's exp or nbf boundary lies, how its
// leeway applies, how it reads the clock and a NumericDate, what null,
// zero, strings and duplicates mean to it. Its zero value is the RFC. A
// [Preset] names a setting of parameters (one way a library departs, such
// as "exp-inclusive"); [Presets] lists the built-in ones and [NewPreset]
// makes a library author's own.
//
// The verdict is [Accept], [Reject] or [Either] (the RFC leaves the choice
// to the implementation), with the rejection classes a rejecting verifier
// may give and the clauses behind them.
//
// The JSON parser is written by hand on purpose. encoding/json/jsontext
// cannot read past a depth of 10,000, has one switch for both invalid UTF-8
// and lone surrogates where the RFCs treat them apart, and stops at the
// first duplicate name where RFC 7519 4 lets the last one win; under
// GOEXPERIMENT=jsonv2 it is also the parser of the libraries under test, so
// the oracle would share their mistakes. Numbers are exact decimals
// ([Decimal]) that never materialise 10^999999999. A NumericDate beyond the
// finite IEEE 754 binary64 range is an [Either] point: RFC 8259 6 names
// binary64 as the interoperable range and 9 lets a parser limit the range
// of numbers ([Model.BeyondBinary64] resolves it for a library).
package oracle
