// Package gate builds the jwtconform command against another version of
// one library and runs it, for the upgrade gate and the version history.
//
// Each build gets a temporary copy of the checkout's go.mod and go.sum,
// changed with 'go get -modfile', and is built with 'go build -modfile'
// in the checkout: the checkout's own go.mod and go.sum are never
// written. A version the code does not compile against is an outcome
// (*BuildError), not a failure of the gate.
package gate
