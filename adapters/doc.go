// Package adapters defines the contract between the conformance harness and
// one JWT library: an Adapter verifies a compact JWS with an injected clock,
// leeway and required claims, and reports an Outcome.
//
// The package depends only on the standard library. Each subpackage
// (adapters/golangjwt, adapters/jwx, adapters/gojose) is a thin shim over one
// library that maps Options in and errors out, with no other logic.
// Package adapters/all is the one place that lists the built-in adapters
// and minters; no shim registers itself from an init function.
//
// An adapter declares what it can do through Supports and two optional
// interfaces, AlgorithmLister and LeewayBounder, which the harness reads
// through Algorithms, MaxLeeway and Lacks. Options.Leeway always widens
// the validity window; package adaptertest holds the contract tests every
// shim's test runs.
package adapters
