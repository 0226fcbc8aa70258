package fuzz

// Reporter is the part of *testing.T a target reports through; an
// interface, so the same code runs under go test -fuzz and under the
// libFuzzer shim that ClusterFuzzLite builds.
type Reporter interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
}

// Report fails t for every anomaly no known finding covers, printing the
// reproducer, and logs the known ones.
func Report(t Reporter, target string, anomalies []Anomaly) {
	t.Helper()
	for _, a := range anomalies {
		if a.Known != nil {
			t.Logf("known finding %s (%s): %s", a.Known.ID, a.Adapter, a.Known.Reason)
			continue
		}
		t.Errorf("%s\nreproduce: go test -run='^Fuzz%s$' ./fuzz after committing the input under fuzz/testdata/fuzz/Fuzz%s/; if the library is right, add a deviation to its profile, else record the finding in fuzz/known.json with its reason",
			a, target, target)
	}
}
