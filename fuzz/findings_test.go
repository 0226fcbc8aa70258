package fuzz

import (
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"
)

// TestCorpusFilesParse checks every committed corpus file decodes and
// encodes back to the same bytes, so the reader sees what go test sees.
func TestCorpusFilesParse(t *testing.T) {
	err := fs.WalkDir(Committed(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		t.Run(p, func(t *testing.T) {
			b, err := fs.ReadFile(Committed(), p)
			if err != nil {
				t.Fatal(err)
			}
			args, err := ParseCorpusFile(b)
			if err != nil {
				t.Fatal(err)
			}
			again, err := FormatCorpusFile(args...)
			if err != nil {
				t.Fatal(err)
			}
			if string(again) != string(b) {
				t.Errorf("corpus file round trip mismatch (-want +got):\n-%q\n+%q", b, again)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKnownFindingsReproduce replays the committed corpus through the
// findings reader: every finding must be covered by a known finding, and
// every known finding must still be shown by some committed file, or it is
// stale (the library changed, or the profile now explains it) and must go.
func TestKnownFindingsReproduce(t *testing.T) {
	fs, err := Findings(context.Background(), Committed())
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for _, f := range fs {
		if f.Kind == KindExplained {
			continue
		}
		if !strings.HasPrefix(f.Detail, "known finding ") {
			t.Errorf("%s: %s %s: %s", f.File, f.Kind, f.Adapter, f.Detail)
			continue
		}
		id := strings.Fields(strings.TrimPrefix(f.Detail, "known finding "))[0]
		shown[strings.TrimSuffix(id, ":")] = true
		if !strings.Contains(f.Reproduce, path.Base(f.File)) {
			t.Errorf("%s: reproducer %q does not name the file", f.File, f.Reproduce)
		}
	}
	for _, k := range KnownFindings() {
		if !shown[k.ID] {
			t.Errorf("known finding %s is shown by no committed corpus file: commit the input that shows it under fuzz/testdata/fuzz/, or remove the entry from fuzz/known.json", k.ID)
		}
	}
}

// TestParseKnownRejects checks the table's own rules.
func TestParseKnownRejects(t *testing.T) {
	for _, tc := range []struct {
		json, reason string
	}{
		{`[{"id":"a","target":"token","adapter":"*","kind":"panic"}]`, "an entry without a reason"},
		{`[{"id":"a","target":"token","adapter":"*","kind":"crash","reason":"r"}]`, "an unknown kind"},
		{`[{"id":"a","target":"token","adapter":"*","kind":"panic","reason":"r"},{"id":"a","target":"token","adapter":"*","kind":"panic","reason":"r"}]`, "a repeated id"},
		{`[{"id":"a","target":"token","adapter":"*","kind":"panic","reason":"r","payload":"("}]`, "a bad payload pattern"},
	} {
		if _, err := ParseKnown([]byte(tc.json)); err == nil {
			t.Errorf("ParseKnown accepted %s", tc.reason)
		}
	}
}
