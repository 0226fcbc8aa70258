// Package kataras adapts github.com/kataras/jwt to the adapters contract:
// jwt.Verify with no validators, the path the library's README shows.
//
// The library reads its clock from the package variable jwt.Clock, so the
// adapter declares the package state (adapters.Global). Its jwt.Leeway
// validator is not a clock-skew leeway: it shortens the window at exp
// (rejecting a token that expires within the leeway) and leaves nbf alone,
// so the adapter cannot express the contract's leeway and supports none.
package kataras
