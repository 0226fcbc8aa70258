package conformancetest

import (
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/adapters/jwx"
	"github.com/jwtconform/jwtconform/conformance"
)

// spoiltOutcomes is how many recorded outcomes the helper spoils: more
// than the default number of details.
const spoiltOutcomes = 30

// TestFailureReportHelper is not a test of its own: TestFailureReport runs
// it in a child process, since it must fail. It runs the exp-boundary
// vectors against jwx under a record with spoiltOutcomes outcomes spoilt.
func TestFailureReportHelper(t *testing.T) {
	if os.Getenv("JWTCONFORM_FAILURE_HELPER") != "1" {
		t.Skip("run by TestFailureReport")
	}
	p, err := conformance.BuiltinProfile("jwx/v2/jwt")
	if err != nil {
		t.Fatal(err)
	}
	spoilt := *p.Record
	spoilt.Outcomes = maps.Clone(p.Record.Outcomes)
	n := 0
	for _, k := range slices.Sorted(maps.Keys(spoilt.Outcomes)) {
		if strings.HasPrefix(k, "exp-boundary/") && n < spoiltOutcomes {
			spoilt.Outcomes[k] = "reject/other"
			n++
		}
	}
	p.Record = &spoilt
	selected := func(id string) bool { return strings.HasPrefix(id, "exp-boundary/") }
	runSuite(t, jwx.New(), p, runConfig{properties: false, selected: selected, details: int(*detailsFlag)})
}

// TestFailureReport checks how Run reports a changed library: one summary
// first, then at most -jwtconform.details failures, each once, with
// (-want +got), and no line per failing vector subtest.
func TestFailureReport(t *testing.T) {
	if os.Getenv("JWTCONFORM_FAILURE_HELPER") == "1" {
		t.Skip("in the helper's process")
	}
	for _, tc := range []struct {
		details string
		want    int
	}{{"", 20}, {"all", spoiltOutcomes}, {"3", 3}} {
		t.Run("details="+tc.details, func(t *testing.T) {
			args := []string{"-test.run=^TestFailureReportHelper$"}
			if tc.details != "" {
				args = append(args, "-jwtconform.details="+tc.details)
			}
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "JWTCONFORM_") }),
				"JWTCONFORM_FAILURE_HELPER=1")
			b, err := cmd.CombinedOutput()
			out := string(b)
			if err == nil {
				t.Fatalf("the helper passed:\n%s", out)
			}
			summary := strings.Index(out, "SUMMARY jwx/v2/jwt")
			first := strings.Index(out, ": vector exp-boundary/")
			if summary < 0 || first < 0 || first < summary {
				t.Fatalf("no summary before the first detail (at %d, %d):\n%s", summary, first, out)
			}
			for _, w := range []string{"30 results fail: 30 differ from the record, 0 unexplained by the profile", "root causes involved: "} {
				if !strings.Contains(out, w) {
					t.Errorf("the summary lacks %q:\n%.2000s", w, out)
				}
			}
			if got := strings.Count(out, "(-want +got)"); got != tc.want {
				t.Errorf("%d details, want %d", got, tc.want)
			}
			ids := regexp.MustCompile(`: vector (\S+) \(.*\) \[(\w+)\]`).FindAllStringSubmatch(out, -1)
			seen := map[string]bool{}
			for _, m := range ids {
				if seen[m[1]+" "+m[2]] {
					t.Errorf("%s %s detailed twice", m[1], m[2])
				}
				seen[m[1]+" "+m[2]] = true
			}
			if strings.Contains(out, "--- FAIL: TestFailureReportHelper/vectors/") {
				t.Errorf("a failing vector has a FAIL line of its own:\n%.2000s", out)
			}
			if tc.want < spoiltOutcomes && !strings.Contains(out, "-jwtconform.details=all") {
				t.Errorf("the summary does not say how to see every failure")
			}
		})
	}
}
