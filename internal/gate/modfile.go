package gate

import (
	"context"
	"encoding/json"
	"fmt"
)

// modFile is the part of 'go mod edit -json' the gate reads.
type modFile struct {
	Module struct {
		Path string
	}
	Require []Requirement
}

// Requirement is one require line of a go.mod.
type Requirement struct {
	// Path is the module path.
	Path string
	// Version is the version required.
	Version string
	// Indirect is true for a "// indirect" requirement.
	Indirect bool
}

// readModFile parses the go.mod at path with the go command, which needs
// no network.
func (t Toolchain) readModFile(ctx context.Context, dir, path string) (modFile, error) {
	var m modFile
	r, err := t.run(ctx, dir, "mod", "edit", "-json", path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(r.stdout, &m); err != nil {
		return m, fmt.Errorf("gate: go mod edit -json %s: %w", path, err)
	}
	return m, nil
}

// requirement returns the require line of module in m.
func (m modFile) requirement(module string) (Requirement, bool) {
	for _, r := range m.Require {
		if r.Path == module {
			return r, true
		}
	}
	return Requirement{}, false
}
