package conformance

import (
	"context"
	"slices"
	"sort"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/harness"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// Observation is one measured outcome with what produced it.
type Observation struct {
	// Key is the result's key: "<vector id> <mode>".
	Key string
	// Payload is the claims set the library verified.
	Payload []byte
	// Query is what the library was asked.
	Query oracle.Query
	// Outcome is what the library did.
	Outcome adapters.Outcome
}

// Observe runs every vector through adapter a in both modes, as the suite
// does, and returns the outcomes in vector order.
func Observe(ctx context.Context, a adapters.Adapter, vs []vectors.Vector, e Evaluator) []Observation {
	out := make([]Observation, 0, 2*len(vs))
	for _, v := range vs {
		token, key, err := Sign(a, v.Payload)
		for _, m := range Modes {
			q := QueryFor(v, m)
			o := Observation{Key: OutcomeKey(v.ID, m), Payload: v.Payload, Query: q}
			if err != nil {
				o.Outcome = noSigningAlg(err)
			} else {
				o.Outcome = harness.Call(ctx, a, token, OptionsFor(q, key), e.Timeout)
			}
			out = append(out, o)
		}
	}
	return out
}

// Inference is the smallest set of presets Infer found to explain an
// adapter's outcomes, with what it leaves unexplained.
type Inference struct {
	// Presets are the presets chosen, sorted by ID.
	Presets []oracle.Preset
	// Explained counts the observations the presets explain.
	Explained int
	// Unexplained are the keys of the observations they do not, in
	// observation order.
	Unexplained []string
}

// Infer proposes the smallest set of candidate presets that explains the
// observations (oracle.Presets when candidates is nil). The search is
// greedy: it adds the preset, or failing that the pair, that explains the
// most, then drops any preset the rest do not need. It is a proposal for
// a person to review and give reasons to, not a proof of minimality.
func Infer(obs []Observation, candidates []oracle.Preset) Inference {
	if candidates == nil {
		candidates = oracle.Presets()
	}
	payloads := make([]*oracle.Payload, len(obs))
	for i, o := range obs {
		payloads[i] = oracle.NewPayload(o.Payload)
	}
	score := func(set []int) int {
		var m oracle.Model
		for _, i := range set {
			candidates[i].Apply(&m)
		}
		n := 0
		for i, o := range obs {
			if Explains(payloads[i].Judge(&m, o.Query), o.Outcome) {
				n++
			}
		}
		return n
	}
	with := func(set []int, add ...int) []int {
		out := append(append([]int(nil), set...), add...)
		sort.Ints(out) // presets apply in ID order, whatever the search order
		return out
	}
	var chosen []int
	best := score(nil)
	for best < len(obs) {
		pick, pickScore := []int(nil), best
		for i := range candidates {
			if slices.Contains(chosen, i) {
				continue
			}
			if s := score(with(chosen, i)); s > pickScore {
				pick, pickScore = []int{i}, s
			}
		}
		if pick == nil {
			// Some behaviours show only as a pair, such as decoding every
			// duplicate, which matters only once the last one wins.
			for i := range candidates {
				for j := i + 1; j < len(candidates); j++ {
					if slices.Contains(chosen, i) || slices.Contains(chosen, j) {
						continue
					}
					if s := score(with(chosen, i, j)); s > pickScore {
						pick, pickScore = []int{i, j}, s
					}
				}
			}
		}
		if pick == nil {
			break
		}
		chosen, best = with(chosen, pick...), pickScore
	}
	for k := len(chosen) - 1; k >= 0; k-- {
		rest := slices.Delete(slices.Clone(chosen), k, k+1)
		if score(rest) >= best {
			chosen = rest
		}
	}
	inf := Inference{}
	var m oracle.Model
	for _, i := range chosen {
		candidates[i].Apply(&m)
		inf.Presets = append(inf.Presets, candidates[i])
	}
	for i, o := range obs {
		if Explains(payloads[i].Judge(&m, o.Query), o.Outcome) {
			inf.Explained++
		} else {
			inf.Unexplained = append(inf.Unexplained, o.Key)
		}
	}
	sort.Slice(inf.Presets, func(i, j int) bool { return inf.Presets[i].ID < inf.Presets[j].ID })
	return inf
}
