// Package jwx adapts github.com/lestrrat-go/jwx/v2/jwt to the adapters
// contract through jwt.Parse with WithKey and WithValidate(true), the path the
// library documents. It never touches the jwt.Settings globals, so the
// library's defaults (whole-second parse precision, non-pedantic NumericDate
// parsing, one-second truncation in validation) are what is measured.
// Truncation0 adds the per-call option jwt.WithTruncation(0), which
// compares the clock and the claims to the nanosecond.
package jwx
