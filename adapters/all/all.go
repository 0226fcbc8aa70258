// Package all is the one place that lists the built-in adapters and
// minters. Nothing registers itself: a caller that wants the built-ins
// asks for them here, and package conformance, which must not link any
// library, receives them as arguments.
package all

import (
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/cap"
	"github.com/jwtconform/jwtconform/adapters/gojose"
	"github.com/jwtconform/jwtconform/adapters/gojosev3"
	"github.com/jwtconform/jwtconform/adapters/golangjwt"
	"github.com/jwtconform/jwtconform/adapters/golangjwtv3"
	"github.com/jwtconform/jwtconform/adapters/golangjwtv4"
	"github.com/jwtconform/jwtconform/adapters/gooidc"
	"github.com/jwtconform/jwtconform/adapters/jwtgo"
	"github.com/jwtconform/jwtconform/adapters/jwx"
	"github.com/jwtconform/jwtconform/adapters/jwxv3"
	"github.com/jwtconform/jwtconform/adapters/kataras"
	"github.com/jwtconform/jwtconform/adapters/squarejose"
	"github.com/jwtconform/jwtconform/adapters/tink"
)

// Adapters returns a fresh list of every built-in adapter, sorted by Name.
func Adapters() []adapters.Adapter {
	list := []adapters.Adapter{
		cap.AllowMissing(),
		cap.Validate(),
		gojose.Leeway(),
		gojose.Validate(),
		golangjwt.MapClaims(),
		golangjwt.Registered(),
		golangjwt.RegisteredIssuedAt(),
		golangjwt.MapClaimsJSONNumber(),
		golangjwt.MapClaimsMillis(),
		golangjwtv3.MapClaims(),
		golangjwtv4.MapClaims(),
		golangjwtv4.Registered(),
		jwtgo.MapClaims(),
		jwx.New(),
		jwxv3.New(),
		jwx.Truncation0(),
		jwxv3.ParsePrecision9(),
		jwxv3.ParsePedantic(),
		gojosev3.Leeway(),
		gojosev3.Validate(),
		squarejose.Leeway(),
		squarejose.Validate(),
		gooidc.New(),
		tink.AllowMissingExpiration(),
		tink.Default(),
		tink.ExpectIssuedInThePast(),
		kataras.New(),
	}
	slices.SortFunc(list, func(a, b adapters.Adapter) int { return strings.Compare(a.Name(), b.Name()) })
	return list
}

// Minters returns a fresh list of every built-in minter, sorted by Name.
func Minters() []adapters.Minter {
	list := []adapters.Minter{
		gojose.Minter(),
		gojosev3.Minter(),
		golangjwt.Minter(),
		golangjwtv3.Minter(),
		golangjwtv4.Minter(),
		jwx.Minter(),
		jwxv3.Minter(),
		kataras.Minter(),
		squarejose.Minter(),
	}
	slices.SortFunc(list, func(a, b adapters.Minter) int { return strings.Compare(a.Name(), b.Name()) })
	return list
}

// Modules lists the modules of every built-in adapter and minter, sorted
// by path, each once.
func Modules() []adapters.Module {
	return adapters.Modules(Adapters(), Minters())
}

// Migration is a move an application commonly makes from one built-in
// adapter to another: from an archived library to its successor, or from
// one major version to the next along the same verification path.
type Migration struct {
	// From and To are adapter names.
	From, To string
}

// Migrations lists the moves the reports summarise, in the order they
// show them.
func Migrations() []Migration {
	return []Migration{
		{"jwt-go/v3/mapclaims", "golang-jwt/v5/mapclaims"},
		{"golang-jwt/v4/mapclaims", "golang-jwt/v5/mapclaims"},
		{"jwx/v2/jwt", "jwx/v3/jwt"},
		{"go-jose/v3/validate", "go-jose/v4/validate"},
		{"go-jose/v3/leeway", "go-jose/v4/leeway"},
		{"square/go-jose.v2/validate", "go-jose/v4/validate"},
	}
}
