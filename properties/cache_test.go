package properties

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// namedAdapter is an adapter under a name of the test's choosing that
// accepts a token signed with one of algs and rejects every other, and
// trusts every claim.
type namedAdapter struct {
	name string
	algs string // comma-separated
}

func (a namedAdapter) Name() string                 { return a.name }
func (namedAdapter) Module() adapters.Module        { return adapters.Module{Path: "named", Version: "v0"} }
func (namedAdapter) Supports(adapters.Feature) bool { return true }
func (a namedAdapter) Algorithms() []string         { return strings.Split(a.algs, ",") }
func (a namedAdapter) Verify(_ context.Context, _ string, o adapters.Options) adapters.Outcome {
	for _, alg := range strings.Split(a.algs, ",") {
		if alg == o.Key.Alg {
			return adapters.Accepted()
		}
	}
	return adapters.Rejected(adapters.Signature, errors.New("unsupported algorithm"))
}

// TestCachesPerAdapterValue checks that two adapters of one name get their
// own algorithms and property results, and that an adapter that cannot be a
// map key is checked rather than crashing the cache.
func TestCachesPerAdapterValue(t *testing.T) {
	const name = "test/same-name"
	hs := conformance.Subject{Adapter: namedAdapter{name, "HS256"}, Profile: conformance.Profile{Schema: conformance.ProfileSchema, Adapter: name}}
	all := conformance.Subject{Adapter: namedAdapter{name, "HS256,RS256,ES256,EdDSA"}, Profile: hs.Profile}
	o := PropertyOptions{Minters: []adapters.Minter{}}
	if got := algs(hs); len(got) != 1 {
		t.Errorf("algs of the HS256-only adapter = %v, want [HS256]", got)
	}
	if got := algs(all); len(got) != 4 {
		t.Errorf("algs of the adapter of every algorithm, after one of the same name = %v, want all four", got)
	}
	prop, ok := LookupProperty("exp-boundary")
	if !ok {
		t.Fatal("no exp-boundary property")
	}
	// An adapter that accepts every HS256 token fails the exp boundary law;
	// one that rejects every token of the harness (it knows only an
	// algorithm the harness never uses) cannot have it checked.
	accepts := CheckProperty(context.Background(), prop, hs, o)
	rejects := CheckProperty(context.Background(), prop, conformance.Subject{Adapter: namedAdapter{name, "none"}, Profile: hs.Profile}, o)
	if accepts.Record().Equal(rejects.Record()) {
		t.Errorf("two adapters named %s with different behaviour got one result: %s", name, accepts.Record())
	}
	if _, ok := adapterKey(judgeAdapter{name: name}); ok {
		t.Errorf("adapterKey accepted a value holding a slice")
	}
	j := judge(name)
	if r := CheckProperty(context.Background(), prop, j, o); r.Status != conformance.Holds {
		t.Errorf("exp-boundary on the oracle judge = %s, want holds", r.Status)
	}
}
