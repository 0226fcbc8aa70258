package conformancetest

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/oracle"
	"github.com/jwtconform/jwtconform/vectors"
)

// ownVectors is a vector file of an author's own, in the built-in schema.
const ownVectors = `{"schema":"jwtconform-vectors/v1","name":"mine","tests":[
 {"id":"mine/expired","comment":"an hour past exp","rfc":"RFC 7519 4.1.4","payload":"{\"exp\":1699996400}","now":"1700000000","leeway":"0s","require":[],"expect":"reject","class":"expired"}]}`

func TestConfigureOptions(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"v/mine.json": {Data: []byte(ownVectors)}, "bad/bad.json": {Data: []byte(`{"schema":`)}}
	builtin := vectors.All()[0]
	group := strings.Split(builtin.ID, "/")[0]
	clash := `{"schema":"jwtconform-vectors/v1","name":"` + group + `","tests":[{"id":"` + builtin.ID + `","comment":"c","rfc":"r","payload":"{}","now":"0","leeway":"0s","require":[],"expect":"accept"}]}`
	fsys["clash/"+group+".json"] = &fstest.MapFile{Data: []byte(clash)}
	for _, tc := range []struct {
		name    string
		opts    []Option
		vectors int    // how many vectors run, or -1 for every built-in one plus one
		err     string // a fragment of the error, or ""
	}{
		{"own vectors added", []Option{WithVectors(fsys, "v")}, -1, ""},
		{"own vectors alone", []Option{WithVectors(fsys, "v"), WithoutBuiltinVectors()}, 1, ""},
		{"malformed file named", []Option{WithVectors(fsys, "bad")}, 0, "bad.json"},
		{"id clash", []Option{WithVectors(fsys, "clash")}, 0, "defined twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p conformance.Profile
			cfg, err := configure(runConfig{}, &p, tc.opts)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("configure = %v, want an error with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := tc.vectors
			if want < 0 {
				want = len(vectors.All()) + 1
			}
			if len(cfg.vectors) != want {
				t.Errorf("%d vectors, want %d", len(cfg.vectors), want)
			}
			if strings.HasPrefix(cfg.failDir, "testdata") {
				t.Errorf("fail files go to %s, in the caller's tree", cfg.failDir)
			}
		})
	}
	var p conformance.Profile
	own := oracle.NewPreset("mine-exp-inclusive", "exp inclusive", func(m *oracle.Model) { m.Exp.Boundary = oracle.BoundaryInclusive })
	if _, err := configure(runConfig{}, &p, []Option{WithPresets(own)}); err != nil || len(p.Presets) != 1 {
		t.Errorf("WithPresets: %v, presets %v", err, p.Presets)
	}
}
