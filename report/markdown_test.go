package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jwtconform/jwtconform/conformance"
)

// TestMarkdownFitsJobSummary renders a large synthetic run and checks
// that report.md stays near MarkdownBudget, far under GitHub's 1 MiB
// job-summary limit, saying what it left out.
func TestMarkdownFitsJobSummary(t *testing.T) {
	d, err := Build(synthetic(2000, 8))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteMarkdown(&b, d); err != nil {
		t.Fatal(err)
	}
	if b.Len() > MarkdownBudget {
		t.Errorf("report.md is %d bytes; the budget is %d", b.Len(), MarkdownBudget)
	}
	if !strings.Contains(b.String(), "more in results.json") {
		t.Error("report.md does not say that unexplained results were left out")
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(string) string
		in   string
		want string
	}{
		{"code plain", mdCode, "a b", "`a b`"},
		{"code backtick", mdCode, "a`b", "``a`b``"},
		{"code leading backtick", mdCode, "`a", "`` `a ``"},
		{"code newline", mdCode, "a\nb", "`a ⏎ b`"},
		{"code cell pipe", mdCodeCell, "a|b", "`a\\|b`"},
		{"cell text", mdCell, "x|*y*_<b>", `x\|\*y\*\_&lt;b&gt;`},
		{"truncate", func(s string) string { return truncate(s, 5) }, "héllo wörld", "héll… (13 bytes)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f(tc.in); got != tc.want {
				t.Errorf("(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCheckCommand(t *testing.T) {
	d := fixtureDocument()
	byID := map[string]Vector{}
	for _, v := range d.Vectors {
		byID[v.ID] = v
	}
	long := byID["exp-boundary/exp-equals-now"]
	p := `{"exp":1700000000,"pad":"` + strings.Repeat("x", 500) + `"}`
	long.Payload = &p
	quote := long
	q := `{"exp":1700000000,"note":"it's"}`
	quote.Payload = &q
	for _, tc := range []struct {
		name  string
		v     Vector
		mode  conformance.Mode
		short bool
		want  string
	}{
		{"explicit", byID["exp-boundary/exp-equals-now"], conformance.Explicit, false,
			`go run ./cmd/jwtconform check -payload '{"exp":1700000000}' -now 1700000000 -leeway 0s`},
		{"defaults passes only the clock", byID["exp-boundary/exp-equals-now"], conformance.Defaults, false,
			`go run ./cmd/jwtconform check -payload '{"exp":1700000000}' -now 1700000000`},
		{"require", byID["wrong-type/quoted-exp"], conformance.Explicit, false,
			`go run ./cmd/jwtconform check -payload '{"exp":"1700000001","x":"</script><b>|` + "`" + `"}' -now 1700000000 -leeway 30s -require exp,nbf`},
		{"single quote", quote, conformance.Explicit, false,
			`go run ./cmd/jwtconform check -payload '{"exp":1700000000,"note":"it'\''s"}' -now 1700000000 -leeway 0s`},
		{"not UTF-8", byID["json-syntax/invalid-utf8"], conformance.Defaults, false,
			`printf %s eyJleHAiOjE4MDAwMDAwMDAsIngiOiL/In0= | base64 -d > payload.json && go run ./cmd/jwtconform check -payload @payload.json -now 1700000000`},
		{"long payload from results.json", long, conformance.Explicit, true,
			`jq -j '.vectors[] | select(.id == "exp-boundary/exp-equals-now") | .payload' results.json > payload.json && go run ./cmd/jwtconform check -payload @payload.json -now 1700000000 -leeway 0s`},
		{"short enough stays inline", byID["exp-boundary/exp-equals-now"], conformance.Explicit, true,
			`go run ./cmd/jwtconform check -payload '{"exp":1700000000}' -now 1700000000 -leeway 0s`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckCommand(tc.v, tc.mode)
			if tc.short {
				got = ShortCheckCommand(tc.v, tc.mode, 200)
			}
			if got != tc.want {
				t.Errorf("command mismatch (-want +got):\n-\t%s\n+\t%s", tc.want, got)
			}
		})
	}
}
