// Package all is the one place that lists the built-in adapters and
// minters. Nothing registers itself: a caller that wants the built-ins
// asks for them here, and package conformance, which must not link any
// library, receives them as arguments.
package all

import (
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/gojose"
	"github.com/jwtconform/jwtconform/adapters/gojosev3"
	"github.com/jwtconform/jwtconform/adapters/golangjwt"
	"github.com/jwtconform/jwtconform/adapters/golangjwtv3"
	"github.com/jwtconform/jwtconform/adapters/golangjwtv4"
	"github.com/jwtconform/jwtconform/adapters/jwtgo"
	"github.com/jwtconform/jwtconform/adapters/jwx"
	"github.com/jwtconform/jwtconform/adapters/jwxv3"
	"github.com/jwtconform/jwtconform/adapters/kataras"
	"github.com/jwtconform/jwtconform/adapters/squarejose"
)

// Adapters returns a fresh list of every built-in adapter, sorted by Name.
func Adapters() []adapters.Adapter {
	list := []adapters.Adapter{
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
		kataras.New(),
	}
	slices.SortFunc(list, func(a, b adapters.Adapter) int { return strings.Compare(a.Name(), b.Name()) })
	return list
}

// Minters returns a fresh list of every built-in minter, sorted by Name.
func Minters() []adapters.Minter {
	list := []adapters.Minter{
		gojose.Minter(),
		golangjwt.Minter(),
		jwx.Minter(),
	}
	slices.SortFunc(list, func(a, b adapters.Minter) int { return strings.Compare(a.Name(), b.Name()) })
	return list
}

// Modules lists the modules of every built-in adapter and minter, sorted
// by path, each once.
func Modules() []adapters.Module {
	return adapters.Modules(Adapters(), Minters())
}
