package gate

import (
	"slices"
	"testing"
)

func TestCompilerLines(t *testing.T) {
	// go build's stderr for go-jose v4.0.5, which lacks an error value the
	// adapter uses (added in v4.1.0), after a download.
	stderr := "go: downloading github.com/go-jose/go-jose/v4 v4.0.5\n" +
		"# github.com/jwtconform/jwtconform/adapters/gojose\n" +
		"adapters/gojose/classify.go:28:16: undefined: jose.ErrUnexpectedSignatureAlgorithm\n\n"
	lines, more := compilerLines(stderr, 10)
	want := []string{
		"# github.com/jwtconform/jwtconform/adapters/gojose",
		"adapters/gojose/classify.go:28:16: undefined: jose.ErrUnexpectedSignatureAlgorithm",
	}
	if !slices.Equal(lines, want) || more != 0 {
		t.Errorf("compilerLines = %q, %d; want %q, 0", lines, more, want)
	}
	lines, more = compilerLines(stderr+"a.go:1:1: x\nb.go:2:2: y\n", 3)
	if len(lines) != 3 || more != 1 {
		t.Errorf("bounded to 3: %q, %d more; want 3 lines, 1 more", lines, more)
	}
}

func TestUnreachable(t *testing.T) {
	for _, tc := range []struct {
		stderr string
		want   bool
	}{
		{`go: github.com/chromedp/cdproto@v0.159.0: Get "http://127.0.0.1:9/github.com/chromedp/cdproto/@v/v0.159.0.mod": dial tcp 127.0.0.1:9: connect: connection refused`, true},
		{`go: github.com/go-jose/go-jose/v4@v4.0.2: module lookup disabled by GOPROXY=off`, true},
		{`go: example.com/x@v1.0.0: Get "https://proxy.golang.org/example.com/x/@v/v1.0.0.info": dial tcp: lookup proxy.golang.org: no such host`, true},
		{"go: github.com/go-jose/go-jose/v4@v4.7.2: reading https://proxy.golang.org/github.com/go-jose/go-jose/v4/@v/v4.7.2.info: 404 Not Found\n\tserver response: not found: unknown revision v4.7.2", false},
		{"go: github.com/go-jose/go-jose/v4@v4.7.2: reading https://proxy.golang.org/github.com/go-jose/go-jose/v4/@v/v4.7.2.info: 403 Forbidden\n\tserver response: This module version is not available.", false},
	} {
		if got := unreachable(tc.stderr); got != tc.want {
			t.Errorf("unreachable(%q) = %v, want %v", tc.stderr, got, tc.want)
		}
	}
}
