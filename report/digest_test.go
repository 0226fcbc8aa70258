package report

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jwtconform/jwtconform/vectors"
)

// fixedTime is the clock of the tests that ask for a timestamp.
var fixedTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func TestVectorsDigest(t *testing.T) {
	base := fstest.MapFS{"a.json": {Data: []byte(`{"x":1}`)}, "b.json": {Data: []byte(`{"y":2}`)}, "README": {Data: []byte("ignored")}}
	want, err := VectorsDigest(base)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(want, "sha256:") || len(want) != len("sha256:")+64 {
		t.Fatalf("digest %q is not sha256:<64 hex digits>", want)
	}
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		same bool
	}{
		{"same files", fstest.MapFS{"b.json": base["b.json"], "a.json": base["a.json"]}, true},
		{"non-json file changed", fstest.MapFS{"a.json": base["a.json"], "b.json": base["b.json"], "README": {Data: []byte("other")}}, true},
		{"content changed", fstest.MapFS{"a.json": {Data: []byte(`{"x":2}`)}, "b.json": base["b.json"]}, false},
		{"renamed", fstest.MapFS{"c.json": base["a.json"], "b.json": base["b.json"]}, false},
		{"bytes moved across files", fstest.MapFS{"a.json": {Data: []byte(`{"x":1}{"y"`)}, "b.json": {Data: []byte(`:2}`)}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := VectorsDigest(tc.fsys)
			if err != nil {
				t.Fatal(err)
			}
			if (got == want) != tc.same {
				t.Errorf("digest %s, base %s: same = %t, want %t", got, want, got == want, tc.same)
			}
		})
	}
	t.Run("embedded vectors", func(t *testing.T) {
		a, err := VectorsDigest(vectors.Files())
		if err != nil {
			t.Fatal(err)
		}
		b, _ := VectorsDigest(vectors.Files())
		if a != b {
			t.Errorf("two digests of the embedded vectors differ: %s, %s", a, b)
		}
	})
	t.Run("timestamp only when asked", func(t *testing.T) {
		in := fixture()
		d, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if d.Suite.Timestamp != "" {
			t.Errorf("timestamp %q without being asked", d.Suite.Timestamp)
		}
		in.Timestamp = fixedTime
		if d, _ = Build(in); d.Suite.Timestamp != "2026-01-02T03:04:05Z" {
			t.Errorf("timestamp %q, want 2026-01-02T03:04:05Z", d.Suite.Timestamp)
		}
	})
}
