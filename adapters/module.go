package adapters

import (
	"bufio"
	"cmp"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
)

// Module identifies the library behind an adapter.
type Module struct {
	// Path is the module path, such as "github.com/golang-jwt/jwt/v5".
	Path string `json:"path"`
	// Version is the module version from the build, such as "v5.3.1".
	Version string `json:"version"`
}

// String renders the module as path@version.
func (m Module) String() string { return m.Path + "@" + m.Version }

// ModuleOf reads the version of module path from the running binary's build
// information, so that a report never names a version typed by hand.
//
// Test binaries carry no dependency build information (golang/go#33976), so
// there it falls back to the require line of the main module's go.mod,
// found by walking up from the working directory: since Go 1.17 go.mod
// lists every module the build selects, at the version it selects. It
// returns "unknown" when neither source names the module.
func ModuleOf(path string) Module {
	m := Module{Path: path, Version: "unknown"}
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Path == path {
			m.Version = info.Main.Version
			return m
		}
		for _, d := range info.Deps {
			if d.Path != path {
				continue
			}
			m.Version = d.Version
			if d.Replace != nil {
				m.Version = d.Replace.Version + " (replaced by " + d.Replace.Path + ")"
			}
			return m
		}
	}
	if v, ok := goModRequires()[path]; ok {
		m.Version = v
	}
	return m
}

// goModRequires is the require list of the nearest go.mod above the working
// directory, read once.
var goModRequires = sync.OnceValue(func() map[string]string {
	dir, err := os.Getwd()
	if err != nil {
		return nil
	}
	for {
		f, err := os.Open(filepath.Join(dir, "go.mod"))
		if err == nil {
			defer f.Close()
			return parseRequires(bufio.NewScanner(f))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
})

// parseRequires reads "require path version" lines and require blocks.
func parseRequires(sc *bufio.Scanner) map[string]string {
	out := map[string]string{}
	inBlock := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "require (":
			inBlock = true
			continue
		case inBlock && line == ")":
			inBlock = false
			continue
		case strings.HasPrefix(line, "require "):
			line = strings.TrimPrefix(line, "require ")
		case !inBlock:
			continue
		}
		if f := strings.Fields(line); len(f) == 2 {
			out[f[0]] = f[1]
		}
	}
	return out
}

// Modules lists the modules the adapters and minters come from, sorted by
// path and each once, so that a report names every library version that
// took part, a library that only mints included.
func Modules(as []Adapter, ms []Minter) []Module {
	seen := map[string]bool{}
	var out []Module
	add := func(m Module) {
		if key := m.String(); !seen[key] {
			seen[key] = true
			out = append(out, m)
		}
	}
	for _, a := range as {
		add(a.Module())
	}
	for _, m := range ms {
		add(m.Module())
	}
	slices.SortFunc(out, func(a, b Module) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Version, b.Version))
	})
	return out
}
