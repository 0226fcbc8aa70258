package all

import (
	"slices"
	"testing"
)

func TestAdapters(t *testing.T) {
	t.Parallel()
	var names []string
	for _, a := range Adapters() {
		names = append(names, a.Name())
	}
	want := []string{
		"cap/v0/allow-missing",
		"cap/v0/validate",
		"go-jose/v3/leeway",
		"go-jose/v3/validate",
		"go-jose/v4/leeway",
		"go-jose/v4/validate",
		"go-oidc/v3/verifier",
		"golang-jwt/v3/mapclaims",
		"golang-jwt/v4/mapclaims",
		"golang-jwt/v4/registered",
		"golang-jwt/v5/mapclaims",
		"golang-jwt/v5/mapclaims-jsonnumber",
		"golang-jwt/v5/mapclaims-ms",
		"golang-jwt/v5/registered",
		"golang-jwt/v5/registered-iat",
		"jwt-go/v3/mapclaims",
		"jwx/v2/jwt",
		"jwx/v2/jwt-truncation0",
		"jwx/v3/jwt",
		"jwx/v3/jwt-pedantic",
		"jwx/v3/jwt-precision9",
		"kataras-jwt/v0/verify",
		"square/go-jose.v2/leeway",
		"square/go-jose.v2/validate",
		"tink/v2/allow-missing-exp",
		"tink/v2/iat-in-past",
		"tink/v2/jwt",
	}
	if !slices.Equal(names, want) {
		t.Errorf("Adapters() names = %q, want %q", names, want)
	}
}

func TestModules(t *testing.T) {
	t.Parallel()
	for _, a := range Adapters() {
		if m := a.Module(); m.Path == "" || m.Version == "" {
			t.Errorf("%s: Module() = %s, want a path and a version", a.Name(), m)
		}
	}
}

func TestMinters(t *testing.T) {
	t.Parallel()
	var names []string
	for _, m := range Minters() {
		names = append(names, m.Name())
	}
	want := []string{"go-jose/v3", "go-jose/v4", "golang-jwt/v3", "golang-jwt/v4", "golang-jwt/v5", "jwx/v2", "jwx/v3", "kataras/jwt", "square/go-jose.v2"}
	if !slices.Equal(names, want) {
		t.Errorf("Minters() names = %q, want %q", names, want)
	}
}

func TestModuleList(t *testing.T) {
	t.Parallel()
	var paths []string
	for _, m := range Modules() {
		paths = append(paths, m.Path)
	}
	want := []string{
		"github.com/coreos/go-oidc/v3",
		"github.com/dgrijalva/jwt-go",
		"github.com/go-jose/go-jose/v3",
		"github.com/go-jose/go-jose/v4",
		"github.com/golang-jwt/jwt",
		"github.com/golang-jwt/jwt/v4",
		"github.com/golang-jwt/jwt/v5",
		"github.com/hashicorp/cap",
		"github.com/kataras/jwt",
		"github.com/lestrrat-go/jwx/v2",
		"github.com/lestrrat-go/jwx/v3",
		"github.com/tink-crypto/tink-go/v2",
		"gopkg.in/square/go-jose.v2",
	}
	if !slices.Equal(paths, want) {
		t.Errorf("Modules() paths = %q, want %q", paths, want)
	}
}

// TestMigrations checks that every migration names two built-in adapters,
// distinct, each pair once.
func TestMigrations(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for _, a := range Adapters() {
		names[a.Name()] = true
	}
	seen := map[Migration]bool{}
	for _, m := range Migrations() {
		if !names[m.From] || !names[m.To] || m.From == m.To || seen[m] {
			t.Errorf("migration %s → %s: want two distinct built-in adapters, listed once", m.From, m.To)
		}
		seen[m] = true
	}
}
