// Package squarejose adapts gopkg.in/square/go-jose.v2/jwt, the archived
// predecessor of github.com/go-jose/go-jose, to the adapters contract, with
// the two paths package gojose offers: Claims.Validate with the library's
// DefaultLeeway of one minute, and Claims.ValidateWithLeeway. Both set
// jwt.Expected.Time to the injected clock, as the library's examples do:
// with a zero Expected.Time, v2.6.0 skips every time check.
package squarejose
