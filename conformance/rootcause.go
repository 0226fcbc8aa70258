package conformance

import (
	"slices"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

// RootCauses names what in profile p explains outcome o of the predictor's
// payload under q, by ablation: the deviations (by preset ID) and
// parameters (as "name=value") whose removal changes the prediction, so
// that p would no longer predict o, or no longer pin it (on a point the
// RFC leaves open, removing the preset that settles it leaves either).
// When no single one matters because two each suffice, the pairs whose
// removal together matters are named; failing those, the triples. The
// names come sorted; none when p does not predict o, or predicts it with
// no deviation at all.
func (pr *Predictor) RootCauses(p Profile, q oracle.Query, o adapters.Outcome) ([]string, error) {
	if o.Verdict != adapters.Accept && o.Verdict != adapters.Reject {
		return nil, nil
	}
	parts := ablationParts(p)
	full, err := pr.Predict(p, q)
	if err != nil || !Explains(full, o) {
		return nil, err
	}
	explainsWithout := func(drop ...int) (bool, error) {
		j, err := pr.Predict(p.without(parts, drop...), q)
		return Explains(j, o) && j.Verdict == full.Verdict, err
	}
	var names []string
	for i := range parts {
		ok, err := explainsWithout(i)
		if err != nil {
			return nil, err
		}
		if !ok {
			names = append(names, parts[i].name)
		}
	}
	// Two, or three, independent explanations: kataras/jwt accepts exp ==
	// now == X.123 because it skips time checks on a fraction, because its
	// clock rounds down to X, and because its exp is inclusive.
	for size := 2; len(names) == 0 && size <= 3; size++ {
		var err error
		eachSubset(len(parts), size, func(drop []int) bool {
			var ok bool
			if ok, err = explainsWithout(drop...); err != nil {
				return false
			}
			if !ok {
				for _, i := range drop {
					names = append(names, parts[i].name)
				}
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// Reason is the profile's reason for a root cause's part: a deviation by
// preset ID, or a parameter as "name=value"; "" when the profile has none.
func (p Profile) Reason(name string) string {
	for _, d := range p.Deviations {
		if d.ID == name {
			return d.Reason
		}
	}
	for _, r := range p.Parameters {
		if r.Name+"="+r.Value == name {
			return r.Reason
		}
	}
	return ""
}

// eachSubset calls f with every subset of size k of 0..n-1, in
// lexicographic order, until f returns false.
func eachSubset(n, k int, f func([]int) bool) {
	idx := make([]int, k)
	var rec func(start, depth int) bool
	rec = func(start, depth int) bool {
		if depth == k {
			return f(idx)
		}
		for i := start; i < n; i++ {
			idx[depth] = i
			if !rec(i+1, depth+1) {
				return false
			}
		}
		return true
	}
	rec(0, 0)
}

// ablationPart is one deviation or parameter setting of a profile, the
// unit RootCauses removes.
type ablationPart struct {
	name      string
	deviation bool
	index     int
}

func ablationParts(p Profile) []ablationPart {
	parts := make([]ablationPart, 0, len(p.Deviations)+len(p.Parameters))
	for i, d := range p.Deviations {
		parts = append(parts, ablationPart{name: d.ID, deviation: true, index: i})
	}
	for i, r := range p.Parameters {
		parts = append(parts, ablationPart{name: r.Name + "=" + r.Value, index: i})
	}
	return parts
}

// without is p less the parts at the given indexes of parts.
func (p Profile) without(parts []ablationPart, drop ...int) Profile {
	if len(drop) == 0 {
		return p
	}
	q := p
	q.Deviations, q.Parameters = nil, nil
	for i, part := range parts {
		switch {
		case slices.Contains(drop, i):
		case part.deviation:
			q.Deviations = append(q.Deviations, p.Deviations[part.index])
		default:
			q.Parameters = append(q.Parameters, p.Parameters[part.index])
		}
	}
	return q
}

// PaddingRootCauses names what in profile p makes it accept a token with
// base64url padding (oracle.Model.Base64PaddingAccepted), by ablation as
// RootCauses does: the deviations and parameters without which it would
// not. None when p does not accept one.
func PaddingRootCauses(p Profile) ([]string, error) {
	full, err := p.Model()
	if err != nil || !full.Base64PaddingAccepted {
		return nil, err
	}
	parts := ablationParts(p)
	var names []string
	for i := range parts {
		m, err := p.without(parts, i).Model()
		if err != nil {
			return nil, err
		}
		if !m.Base64PaddingAccepted {
			names = append(names, parts[i].name)
		}
	}
	slices.Sort(names)
	return names, nil
}
