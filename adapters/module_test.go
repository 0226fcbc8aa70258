package adapters

import (
	"bufio"
	"strings"
	"testing"
)

func TestParseRequires(t *testing.T) {
	const gomod = `module x

go 1.26

require example.com/single v1.0.0

require (
	github.com/golang-jwt/jwt/v5 v5.3.1
	golang.org/x/crypto v0.53.0 // indirect
)
`
	got := parseRequires(bufio.NewScanner(strings.NewReader(gomod)))
	want := map[string]string{"example.com/single": "v1.0.0", "github.com/golang-jwt/jwt/v5": "v5.3.1", "golang.org/x/crypto": "v0.53.0"}
	if len(got) != len(want) {
		t.Fatalf("parseRequires = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("parseRequires[%q] = %q, want %q", k, got[k], v)
		}
	}
}

func TestModuleOfInTest(t *testing.T) {
	// The test binary has no dependency build info; the go.mod fallback
	// must still name the pinned version.
	if got := ModuleOf("github.com/golang-jwt/jwt/v5"); got.Version == "unknown" {
		t.Errorf("ModuleOf(golang-jwt) = %v, want the version go.mod pins", got)
	}
	if got := ModuleOf("example.com/not-a-dependency"); got.Version != "unknown" {
		t.Errorf("ModuleOf(unknown module) = %v, want unknown", got)
	}
}
