package oracle

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// kind is the JSON type of a value.
type kind int

// The JSON types.
const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k kind) String() string { return kindNames[k] }

// member is one top-level member of the claims set. Its slices point into
// the payload unless unescaping had to copy.
type member struct {
	// name is the member name after unescaping.
	name []byte
	// kind is the value's JSON type.
	kind kind
	// text is the raw literal for numbers and arrays and the unescaped
	// value for strings.
	text []byte
	// strings: an array value holds only strings.
	strings bool
	// stringsOrNulls: an array value holds only strings and nulls, as a
	// decoder into a Go []string accepts.
	stringsOrNulls bool
}

// document is a strictly parsed claims set: the top-level members in order
// and the points where RFC 8259 leaves behaviour to the parser.
type document struct {
	members []member
	// dupNames: the claims set repeats a member name (RFC 7519 4: reject,
	// or take the lexically last).
	dupNames bool
	// nestedDup: an object inside a claim value repeats a member name
	// (RFC 8259 4: names SHOULD be unique; behaviour is unpredictable).
	nestedDup bool
	// loneSurrogate: a \u escape names half a surrogate pair (RFC 8259 8.2:
	// unpredictable).
	loneSurrogate bool
	// beyondFloat64 is the first number literal outside the float64 range
	// (RFC 8259 9 lets a parser limit the range of numbers), if any.
	beyondFloat64 string
	// depth is the deepest nesting of arrays and objects (the claims set
	// itself is 1); RFC 8259 9 allows a parser to limit it.
	depth int
}

// MaxDepth is the nesting up to which every parser must cope; beyond it
// the oracle allows a parser's limit.
const MaxDepth = 512

// hardDepth stops the parser itself, so no input exhausts the stack.
const hardDepth = 100000

// errNotObject is returned for a well-formed JSON text that is not an
// object (RFC 7519 7.2 step 10).
var errNotObject = errors.New("claims set is not a JSON object")

// parseDocument parses b as one RFC 8259 JSON text whose top level is an
// object. b must be valid UTF-8.
func parseDocument(b []byte) (document, error) {
	p := &parser{b: b, replaceInvalid: !utf8.Valid(b)}
	doc := document{members: make([]member, 0, 8)}
	p.ws()
	if p.i < len(b) && b[p.i] != '{' {
		if _, err := p.value(0, nil); err != nil {
			return doc, err
		}
		p.ws()
		if p.i != len(b) {
			return doc, p.errf("trailing data")
		}
		return doc, errNotObject
	}
	if _, err := p.value(0, &doc.members); err != nil {
		return doc, err
	}
	p.ws()
	if p.i != len(b) {
		return doc, p.errf("trailing data")
	}
	p.fill(&doc)
	return doc, nil
}

// parseLeadingObject parses the first JSON value of b, which must be an
// object, and ignores whatever follows it, as a streaming decoder that
// stops at the object's closing brace does.
func parseLeadingObject(b []byte) (document, error) {
	p := &parser{b: b, replaceInvalid: !utf8.Valid(b)}
	var doc document
	p.ws()
	if p.i >= len(b) || b[p.i] != '{' {
		return parseDocument(b)
	}
	if _, err := p.value(0, &doc.members); err != nil {
		return doc, err
	}
	p.fill(&doc)
	return doc, nil
}

// fill copies what the parser noticed into doc.
func (p *parser) fill(doc *document) {
	doc.dupNames, doc.nestedDup, doc.loneSurrogate, doc.depth = p.dup, p.nestedDup, p.surrogate, p.depth
	doc.beyondFloat64 = p.beyondFloat64
}

type parser struct {
	b         []byte
	i         int
	dup       bool
	nestedDup bool
	surrogate bool
	depth     int
	// beyondFloat64 is the first literal that overflows a float64.
	beyondFloat64 string
	// arrayOfStrings: the array parsed last holds only strings.
	arrayOfStrings bool
	// arrayOfStringsOrNulls: the array parsed last holds only strings and
	// nulls.
	arrayOfStringsOrNulls bool
	// lastString is the unescaped value of the string parsed last.
	lastString []byte
	// replaceInvalid: the input is not valid UTF-8, so strings read with
	// each invalid byte as U+FFFD, as encoding/json reads them; two names
	// that differ only in invalid bytes are then the same name.
	replaceInvalid bool
}

func (p *parser) errf(format string, args ...any) error {
	return fmt.Errorf("json: offset %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *parser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value parses one value. When top is non-nil the value must be an object
// and its members are appended to top.
func (p *parser) value(depth int, top *[]member) (kind, error) {
	if p.i >= len(p.b) {
		return 0, p.errf("unexpected end of input")
	}
	switch c := p.b[p.i]; {
	case c == '{':
		return kObject, p.object(depth+1, top)
	case c == '[':
		return kArray, p.array(depth + 1)
	case c == '"':
		var err error
		p.lastString, err = p.str()
		return kString, err
	case c == '-' || (c >= '0' && c <= '9'):
		return kNumber, p.number()
	case p.lit("true"), p.lit("false"):
		return kBool, nil
	case p.lit("null"):
		return kNull, nil
	}
	return 0, p.errf("unexpected %q", p.b[p.i])
}

func (p *parser) lit(s string) bool {
	if len(p.b)-p.i >= len(s) && string(p.b[p.i:p.i+len(s)]) == s {
		p.i += len(s)
		return true
	}
	return false
}

func (p *parser) enter(depth int) error {
	p.depth = max(p.depth, depth)
	if depth > hardDepth {
		return p.errf("nesting deeper than %d", hardDepth)
	}
	return nil
}

func (p *parser) object(depth int, top *[]member) error {
	if err := p.enter(depth); err != nil {
		return err
	}
	p.i++ // '{'
	// Names seen so far, for duplicates; the array keeps small objects off
	// the heap.
	var small [16][]byte
	seen := small[:0]
	var many map[string]bool
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return nil
	}
	for {
		p.ws()
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			return p.errf("want a member name")
		}
		name, err := p.str()
		if err != nil {
			return err
		}
		var dup bool
		if seen, dup = remember(name, seen, &many); dup {
			if top != nil {
				p.dup = true
			} else {
				p.nestedDup = true
			}
		}
		p.ws()
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return p.errf("want ':'")
		}
		p.i++
		p.ws()
		start := p.i
		k, err := p.value(depth, nil)
		if err != nil {
			return err
		}
		if top != nil {
			m := member{name: name, kind: k}
			switch k {
			case kNumber:
				m.text = p.b[start:p.i]
			case kString:
				m.text = p.lastString
			case kArray:
				m.strings, m.stringsOrNulls = p.arrayOfStrings, p.arrayOfStringsOrNulls
				m.text = p.b[start:p.i]
			}
			*top = append(*top, m)
		}
		p.ws()
		if p.i >= len(p.b) {
			return p.errf("unterminated object")
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return nil
		default:
			return p.errf("want ',' or '}'")
		}
	}
}

// remember adds name to the names seen in one object and reports whether
// it was there already: a linear scan while the object is small, a map
// after.
func remember(name []byte, seen [][]byte, many *map[string]bool) ([][]byte, bool) {
	if *many != nil {
		if (*many)[string(name)] {
			return seen, true
		}
		(*many)[string(name)] = true
		return seen, false
	}
	for _, n := range seen {
		// Claim names are mostly three bytes: the last byte tells most
		// apart before a full comparison.
		if len(n) == len(name) && (len(n) == 0 || n[len(n)-1] == name[len(name)-1]) && bytes.Equal(n, name) {
			return seen, true
		}
	}
	if len(seen) < cap(seen) {
		return append(seen, name), false
	}
	*many = make(map[string]bool, 2*len(seen))
	for _, n := range seen {
		(*many)[string(n)] = true
	}
	(*many)[string(name)] = true
	return seen, false
}

func (p *parser) array(depth int) error {
	if err := p.enter(depth); err != nil {
		return err
	}
	p.i++ // '['
	onlyStrings, orNulls := true, true
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		p.arrayOfStrings, p.arrayOfStringsOrNulls = true, true
		return nil
	}
	for {
		p.ws()
		k, err := p.value(depth, nil)
		if err != nil {
			return err
		}
		onlyStrings = onlyStrings && k == kString
		orNulls = orNulls && (k == kString || k == kNull)
		p.ws()
		if p.i >= len(p.b) {
			return p.errf("unterminated array")
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			p.arrayOfStrings, p.arrayOfStringsOrNulls = onlyStrings, orNulls
			return nil
		default:
			return p.errf("want ',' or ']'")
		}
	}
}

// str parses a string literal and returns its unescaped value, which
// points into the input unless the literal has escapes; a lone surrogate
// becomes U+FFFD, as encoding/json does, and is flagged.
func (p *parser) str() ([]byte, error) {
	p.i++ // '"'
	start := p.i
	for p.i < len(p.b) {
		for p.i < len(p.b) && plainStringByte[p.b[p.i]] {
			p.i++
		}
		if p.i == len(p.b) {
			break
		}
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			if s := p.b[start : p.i-1]; p.replaceInvalid && !utf8.Valid(s) {
				return replaceInvalidUTF8(s), nil
			}
			return p.b[start : p.i-1], nil
		case c < 0x20:
			return nil, p.errf("control character %#x in string", c)
		case c == '\\':
			return p.strEscaped(start)
		}
		p.i++
	}
	return nil, p.errf("unterminated string")
}

// plainStringByte marks the bytes a string literal holds with no further
// look: all but the quote, the backslash and control characters.
var plainStringByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return t
}()

// strEscaped finishes a string literal that has escapes, from start.
func (p *parser) strEscaped(start int) ([]byte, error) {
	out := append([]byte(nil), p.b[start:p.i]...)
	for {
		if p.i >= len(p.b) {
			return nil, p.errf("unterminated string")
		}
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return out, nil
		case c < 0x20:
			return nil, p.errf("control character %#x in string", c)
		case c == '\\':
			var err error
			if out, err = p.escape(out); err != nil {
				return nil, err
			}
		case c >= utf8.RuneSelf && p.replaceInvalid:
			r, n := utf8.DecodeRune(p.b[p.i:])
			out = utf8.AppendRune(out, r) // RuneError for an invalid byte
			p.i += n
		default:
			out = append(out, c)
			p.i++
		}
	}
}

// replaceInvalidUTF8 copies s with each byte that is not part of valid
// UTF-8 replaced by U+FFFD.
func replaceInvalidUTF8(s []byte) []byte {
	out := make([]byte, 0, len(s)+8)
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		out = utf8.AppendRune(out, r)
		s = s[n:]
	}
	return out
}

func (p *parser) escape(out []byte) ([]byte, error) {
	if p.i+1 >= len(p.b) {
		return nil, p.errf("unterminated escape")
	}
	e := p.b[p.i+1]
	p.i += 2
	switch e {
	case '"', '\\', '/':
		return append(out, e), nil
	case 'b':
		return append(out, '\b'), nil
	case 'f':
		return append(out, '\f'), nil
	case 'n':
		return append(out, '\n'), nil
	case 'r':
		return append(out, '\r'), nil
	case 't':
		return append(out, '\t'), nil
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return nil, p.errf("bad \\u escape")
		}
		if utf16.IsSurrogate(r) {
			if r < 0xDC00 && p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
				save := p.i
				p.i += 2
				r2, ok := p.hex4()
				if ok && r2 >= 0xDC00 && r2 <= 0xDFFF {
					return utf8.AppendRune(out, utf16.DecodeRune(r, r2)), nil
				}
				p.i = save
			}
			p.surrogate = true
			r = utf8.RuneError
		}
		return utf8.AppendRune(out, r), nil
	}
	return nil, p.errf("bad escape \\%c", e)
}

func (p *parser) hex4() (rune, bool) {
	if p.i+4 > len(p.b) {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// number checks the RFC 8259 number grammar and notes a literal beyond
// the float64 range.
func (p *parser) number() error {
	start := p.i
	if err := p.numberGrammar(); err != nil {
		return err
	}
	// Only an exponent or some 309 digits can leave the float64 range.
	if lit := p.b[start:p.i]; p.beyondFloat64 == "" && (len(lit) > 300 || bytes.IndexByte(lit, 'e') >= 0 || bytes.IndexByte(lit, 'E') >= 0) {
		if _, err := strconv.ParseFloat(string(lit), 64); err != nil {
			p.beyondFloat64 = string(lit)
		}
	}
	return nil
}

func (p *parser) numberGrammar() error {
	if p.b[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.b) && p.b[p.i] == '0':
		p.i++
	case p.i < len(p.b) && p.b[p.i] >= '1' && p.b[p.i] <= '9':
		p.digits()
	default:
		return p.errf("bad number")
	}
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return p.errf("bad number: no digits after '.'")
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return p.errf("bad number: no exponent digits")
		}
	}
	return nil
}

func (p *parser) digits() int {
	n := 0
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}

// IsNumber reports whether s is exactly one RFC 8259 number literal.
func IsNumber(s string) bool {
	p := &parser{b: []byte(s)}
	return len(s) > 0 && p.number() == nil && p.i == len(s)
}

// Member is one member of a claims set as the strict parser reads it.
type Member struct {
	// Name is the unescaped name.
	Name string
	// Kind is the JSON type of the value: "null", "boolean", "number",
	// "string", "array" or "object".
	Kind string
	// Text is a number's literal or a string's unescaped value.
	Text string
}

// Members returns the members of the JSON object b in order, or why b is
// not one strict RFC 8259 object.
func Members(b []byte) ([]Member, error) {
	doc, err := parseDocument(b)
	if err != nil {
		return nil, err
	}
	out := make([]Member, len(doc.members))
	for i, m := range doc.members {
		out[i] = Member{Name: string(m.name), Kind: m.kind.String(), Text: string(m.text)}
	}
	return out, nil
}
