package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jwtconform/jwtconform/conformancetest"
)

// golden compares got with testdata/name, or rewrites it under
// -jwtconform.update (or JWTCONFORM_UPDATE): the one update flag of the
// project, which conformance defines and this test binary links.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if conformancetest.Updating() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -jwtconform.update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s mismatch (-want +got):\n%s\nrun go test ./report -jwtconform.update if the change is intended", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff is a short line diff: the first differing lines of each.
func lineDiff(want, got string) string {
	w, g := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	var out bytes.Buffer
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) {
			out.WriteString("line " + strconv.Itoa(i+1) + ":\n-\t" + clip(a) + "\n+\t" + clip(b) + "\n")
			shown++
		}
	}
	return out.String()
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}

func TestGolden(t *testing.T) {
	d := fixtureDocument()
	plain, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		doc    Document
		render func(*bytes.Buffer, Document) error
	}{
		{"results.json", d, func(b *bytes.Buffer, d Document) error { return Encode(b, d) }},
		{"report.md", d, func(b *bytes.Buffer, d Document) error { return WriteMarkdown(b, d) }},
		{"report-not-run.md", plain, func(b *bytes.Buffer, d Document) error { return WriteMarkdown(b, d) }},
		{"report.html", d, func(b *bytes.Buffer, d Document) error { return WriteHTML(b, d) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.render(&b, tc.doc); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}
