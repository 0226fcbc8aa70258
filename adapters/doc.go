// Package adapters defines the contract between the conformance harness and
// one JWT library: an Adapter verifies a compact JWS with an injected clock,
// leeway and required claims, and reports an Outcome.
//
// The package depends only on the standard library. Each subpackage
// (adapters/golangjwt, adapters/jwx, adapters/gojose) is a thin shim over one
// library that maps Options in and errors out, with no other logic.
// Package adapters/all is the one place that lists the built-in adapters.
package adapters
