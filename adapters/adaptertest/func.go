package adaptertest

import (
	"context"

	"github.com/jwtconform/jwtconform/adapters"
)

// Func is an adapter whose Verify is a function and whose features are a
// set, for tests of the machinery around adapters (the harness, the
// must-hold checks) rather than of a library.
type Func struct {
	// Answer answers every call.
	Answer func(ctx context.Context) adapters.Outcome
	// Features are the features it supports.
	Features map[adapters.Feature]bool
}

// Name implements adapters.Adapter.
func (Func) Name() string { return "func" }

// Module implements adapters.Adapter.
func (Func) Module() adapters.Module { return adapters.Module{Path: "func", Version: "v0"} }

// Supports implements adapters.Adapter.
func (f Func) Supports(x adapters.Feature) bool { return f.Features[x] }

// Verify implements adapters.Adapter by calling f.Answer.
func (f Func) Verify(ctx context.Context, _ string, _ adapters.Options) adapters.Outcome {
	return f.Answer(ctx)
}
