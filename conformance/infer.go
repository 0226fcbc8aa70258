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
	inf, err := InferWith(obs, candidates, nil)
	if err != nil {
		panic(err) // no parameters: nothing to refuse
	}
	return inf
}

// InferWith is Infer around fixed parameters: each set of presets it tries
// is followed by params, as a profile's parameters follow its presets, so
// that it proposes the presets a profile with those parameters needs. It
// fails on a parameter oracle.Model.Set refuses.
func InferWith(obs []Observation, candidates []oracle.Preset, params []ParameterRef) (Inference, error) {
	if candidates == nil {
		candidates = oracle.Presets()
	}
	var probe oracle.Model
	for _, r := range params {
		if err := probe.Set(r.Name, r.Value); err != nil {
			return Inference{}, err
		}
	}
	payloads := make([]*oracle.Payload, len(obs))
	for i, o := range obs {
		payloads[i] = oracle.NewPayload(o.Payload)
	}
	model := func(set []int) oracle.Model {
		var m oracle.Model
		for _, i := range set {
			candidates[i].Apply(&m)
		}
		for _, r := range params {
			_ = m.Set(r.Name, r.Value) // checked above
		}
		return m
	}
	explains := func(m *oracle.Model, i int) bool {
		return Explains(payloads[i].Judge(m, obs[i].Query), obs[i].Outcome)
	}
	score := func(set []int) int {
		m := model(set)
		n := 0
		for i := range obs {
			if explains(&m, i) {
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
	// beats is score(set) when it is above floor, and false otherwise. It
	// judges first the observations the chosen presets leave unexplained
	// (misses), since only those can raise the score above best: a set
	// that explains too few of them is dropped without judging the rest,
	// and the rest stop being judged once the set cannot beat floor. The
	// search picks what it would by scoring every set in full.
	var misses, hits []int
	beats := func(set []int, best, floor int) (int, bool) {
		m := model(set)
		n := best
		for _, i := range misses {
			if explains(&m, i) {
				n++
			}
		}
		for _, i := range hits {
			if n <= floor {
				return 0, false
			}
			if !explains(&m, i) {
				n--
			}
		}
		return n, n > floor
	}
	var chosen []int
	best := score(nil)
	for best < len(obs) {
		m := model(chosen)
		misses, hits = misses[:0], hits[:0]
		for i := range obs {
			if explains(&m, i) {
				hits = append(hits, i)
			} else {
				misses = append(misses, i)
			}
		}
		pick, pickScore := []int(nil), best
		for i := range candidates {
			if slices.Contains(chosen, i) {
				continue
			}
			if s, ok := beats(with(chosen, i), best, pickScore); ok {
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
					if s, ok := beats(with(chosen, i, j), best, pickScore); ok {
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
	m := model(chosen)
	for _, i := range chosen {
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
	return inf, nil
}
