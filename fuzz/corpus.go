package fuzz

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// corpusHeader opens every file of a native Go fuzz corpus.
const corpusHeader = "go test fuzz v1"

// ParseCorpusFile decodes a corpus file in the "go test fuzz v1" format
// into its values, of the types the targets here take: []byte, string,
// int64, uint32 and bool.
func ParseCorpusFile(b []byte) ([]any, error) {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != corpusHeader {
		return nil, fmt.Errorf("fuzz: corpus file does not start with %q", corpusHeader)
	}
	var out []any
	for i, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, err := parseCorpusValue(line)
		if err != nil {
			return nil, fmt.Errorf("fuzz: corpus line %d: %w", i+2, err)
		}
		out = append(out, v)
	}
	return out, nil
}

func parseCorpusValue(line string) (any, error) {
	open := strings.IndexByte(line, '(')
	if open < 0 || !strings.HasSuffix(line, ")") {
		return nil, fmt.Errorf("malformed value %q", line)
	}
	typ, lit := line[:open], line[open+1:len(line)-1]
	switch typ {
	case "[]byte", "string":
		s, err := strconv.Unquote(lit)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", typ, err)
		}
		if typ == "string" {
			return s, nil
		}
		return []byte(s), nil
	case "int64":
		return strconv.ParseInt(lit, 0, 64)
	case "uint32":
		n, err := strconv.ParseUint(lit, 0, 32)
		return uint32(n), err
	case "bool":
		return strconv.ParseBool(lit)
	}
	return nil, fmt.Errorf("unsupported type %q", typ)
}

// FormatCorpusFile encodes values in the "go test fuzz v1" format, as go
// test writes a failing input, for committing a regression by hand.
func FormatCorpusFile(values ...any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(corpusHeader + "\n")
	for _, v := range values {
		switch v := v.(type) {
		case []byte:
			fmt.Fprintf(&b, "[]byte(%s)\n", strconv.Quote(string(v)))
		case string:
			fmt.Fprintf(&b, "string(%s)\n", strconv.Quote(v))
		case int64:
			fmt.Fprintf(&b, "int64(%d)\n", v)
		case uint32:
			fmt.Fprintf(&b, "uint32(%d)\n", v)
		case bool:
			fmt.Fprintf(&b, "bool(%t)\n", v)
		default:
			return nil, fmt.Errorf("fuzz: cannot encode %T in a corpus file", v)
		}
	}
	return b.Bytes(), nil
}
