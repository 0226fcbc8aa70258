package conformance

import "testing"

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"", "golang-jwt/v5/mapclaims", true},
		{"*", "golang-jwt/v5/mapclaims", true},
		{"golang-jwt/*", "golang-jwt/v5/mapclaims", true},
		{"golang-jwt/*", "jwx/v2/jwt", false},
		{"jwx/*,go-jose/*", "go-jose/v4/leeway", true},
		{"exp-boundary/?", "exp-boundary/3", true},
		{"exp-boundary/?", "exp-boundary/33", false},
		{"a.b", "axb", false},
	} {
		if got := MatchGlob(tc.pattern, tc.name); got != tc.want {
			t.Errorf("MatchGlob(%q, %q) = %t, want %t", tc.pattern, tc.name, got, tc.want)
		}
	}
}
