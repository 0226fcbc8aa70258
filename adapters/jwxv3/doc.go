// Package jwxv3 adapts github.com/lestrrat-go/jwx/v3/jwt to the adapters
// contract through jwt.Parse with jwt.WithKey, which validates by default,
// the path the library documents. New leaves the jwt.Settings globals at
// the library's defaults; ParsePrecision9 and ParsePedantic each set one
// of them around every call, declaring the package state so that the
// harness serialises those calls.
package jwxv3
