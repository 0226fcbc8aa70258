// Package docs holds no code. Its test keeps the worked examples in the
// documents true to the measurements committed next to them, and its
// generate line measures them again:
//
//	go generate ./docs    # needs the module proxy; see drills/regenerate.sh
package docs

//go:generate sh drills/regenerate.sh
