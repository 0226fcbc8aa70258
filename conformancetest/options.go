package conformancetest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// An Option changes what Run and RunProperties run, for a library author
// who gates a library of their own.
type Option func(*runConfig) error

// WithMinters sets the minters that issue the tokens of the issuance
// properties (adapters/all's Minters for the built-ins); with none, those
// properties are unsupported.
func WithMinters(ms ...adapters.Minter) Option {
	return func(c *runConfig) error {
		c.minters = append(c.minters, ms...)
		return nil
	}
}

// WithVectors adds the vector files under dir of fsys to the built-in
// vectors: the same schema and the same strict loader (vectors.Load), so a
// malformed file fails the test naming the file. An id that a built-in
// vector already has fails too.
func WithVectors(fsys fs.FS, dir string) Option {
	return func(c *runConfig) error {
		vs, err := vectors.Load(fsys, dir)
		if err != nil {
			return err
		}
		c.vectors = append(c.vectors, vs...)
		return nil
	}
}

// WithoutBuiltinVectors runs only the vectors WithVectors adds.
func WithoutBuiltinVectors() Option {
	return func(c *runConfig) error {
		c.noBuiltins = true
		return nil
	}
}

// WithPresets adds presets of the author's own (oracle.NewPreset) to the
// profile's Presets, for what the built-in presets and parameters cannot
// say. The profile file names each by ID among its deviations, with its
// reason, as it names a built-in one.
func WithPresets(ps ...oracle.Preset) Option {
	return func(c *runConfig) error {
		c.presets = append(c.presets, ps...)
		return nil
	}
}

// WithFailDir sets the folder that receives rapid's fail file of an
// unexplained property result. By default it is jwtconform-rapid in the
// system's temporary folder, named in the failure, so that nothing is
// written into the caller's tree;
// properties.RapidDir (testdata/rapid) keeps the files where rapid
// replays them first on every later run, to be committed as regressions.
func WithFailDir(dir string) Option {
	return func(c *runConfig) error {
		c.failDir = dir
		return nil
	}
}

// Profile loads the profile file at path (and its record beside it, see
// conformance.RecordFile), failing t naming the file if it is malformed.
func Profile(t testing.TB, path string) conformance.Profile {
	t.Helper()
	p, err := conformance.LoadProfile(os.DirFS(filepath.Dir(path)), filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// apply builds the configuration of one Run from the flags and opts,
// failing t on a bad option.
func apply(t testing.TB, p *conformance.Profile, opts []Option) runConfig {
	t.Helper()
	cfg, err := configure(flagConfig(), p, opts)
	if err != nil {
		t.Fatalf("conformancetest: %v", err)
	}
	return cfg
}

// configure applies opts to cfg and the profile.
func configure(cfg runConfig, p *conformance.Profile, opts []Option) (runConfig, error) {
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return cfg, err
		}
	}
	all := cfg.vectors
	if !cfg.noBuiltins {
		all = append(vectors.All(), cfg.vectors...)
	}
	seen := map[string]bool{}
	for _, v := range all {
		if seen[v.ID] {
			return cfg, fmt.Errorf("vector id %q defined twice (%s)", v.ID, v.File)
		}
		seen[v.ID] = true
	}
	cfg.vectors = all
	if len(cfg.presets) > 0 {
		p.Presets = append(append([]oracle.Preset(nil), p.Presets...), cfg.presets...)
	}
	if cfg.failDir == "" {
		// Made only when a file goes there; the files' names are unique.
		cfg.failDir = filepath.Join(os.TempDir(), "jwtconform-rapid")
	}
	return cfg, nil
}
