// Package all is the one place that lists the built-in adapters.
package all

import (
	"slices"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/adapters/gojose"
	"github.com/jwtconform/jwtconform/adapters/golangjwt"
	"github.com/jwtconform/jwtconform/adapters/jwx"
)

// Adapters returns a fresh list of every built-in adapter, sorted by Name.
func Adapters() []adapters.Adapter {
	list := []adapters.Adapter{
		gojose.Leeway(),
		gojose.Validate(),
		golangjwt.MapClaims(),
		golangjwt.Registered(),
		golangjwt.RegisteredIssuedAt(),
		jwx.New(),
	}
	slices.SortFunc(list, func(a, b adapters.Adapter) int { return strings.Compare(a.Name(), b.Name()) })
	return list
}
