package conformance

import (
	"slices"
	"testing"

	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// TestVectorsAgreeWithOracle checks each vector's declared expect against
// the oracle, so the data and the oracle catch each other's mistakes.
func TestVectorsAgreeWithOracle(t *testing.T) {
	for _, v := range vectors.All() {
		t.Run(v.ID, func(t *testing.T) {
			t.Parallel()
			j := oracle.Judge(v.Payload, QueryFor(v, Explicit))
			if j.Verdict != v.Expect {
				t.Errorf("vector %s (%s): file says %s, oracle says %s: %v\npayload: %s", v.ID, v.Comment, v.Expect, j.Verdict, j.Reasons, v.Payload)
			}
			if v.Class != "" && v.Expect != oracle.Accept && !slices.Contains(j.Classes, v.Class) {
				t.Errorf("vector %s: class %s is not among the oracle's %s", v.ID, v.Class, j.Classes)
			}
		})
	}
}
