package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
)

// Encode writes d as results.json: an object whose top-level members come
// in a fixed order, with every list element on a line of its own, so that
// a line diff of two runs shows each changed result as one line. The same
// Document always encodes to the same bytes.
func Encode(w io.Writer, d Document) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	e := &lineEncoder{w: bw}
	e.raw("{\n")
	e.member("schema", d.Schema, false)
	e.member("suite", d.Suite, false)
	e.list("modules", d.Modules, false)
	e.list("adapters", d.Adapters, false)
	e.list("vectors", d.Vectors, false)
	// The optional sections follow the results, each only when it was run;
	// the last one written ends without a comma.
	type section struct {
		name  string
		slice any
		ran   bool
	}
	optional := []section{{"properties", d.Properties, d.Properties != nil}, {"resources", d.Resources, d.Resources != nil},
		{"fuzz", d.Fuzz, d.Fuzz != nil}, {"timelines", d.Timelines, d.Timelines != nil}, {"migrations", d.Migrations, d.Migrations != nil}}
	optional = slices.DeleteFunc(optional, func(s section) bool { return !s.ran })
	e.list("results", d.Results, len(optional) == 0)
	for i, s := range optional {
		e.list(s.name, s.slice, i == len(optional)-1)
	}
	e.raw("}\n")
	if e.err != nil {
		return fmt.Errorf("report: encode results: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write results: %w", err)
	}
	return nil
}

// Marshal is Encode into a byte slice.
func Marshal(d Document) ([]byte, error) {
	var b bytes.Buffer
	if err := Encode(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// lineEncoder writes JSON values compactly, without HTML escaping, and
// keeps the first error.
type lineEncoder struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (e *lineEncoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *lineEncoder) value(v any) {
	if e.err != nil {
		return
	}
	e.buf.Reset()
	enc := json.NewEncoder(&e.buf)
	enc.SetEscapeHTML(false)
	if e.err = enc.Encode(v); e.err != nil {
		return
	}
	_, e.err = e.w.Write(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
}

// result writes a Result as encoding/json would, without reflection:
// results are nearly all of a large file.
func (e *lineEncoder) result(r Result) {
	if e.err != nil {
		return
	}
	b := e.buf.AvailableBuffer()
	b = append(b, `{"adapter":`...)
	b = appendJSONString(b, r.Adapter)
	b = append(b, `,"vector":`...)
	b = appendJSONString(b, r.Vector)
	b = append(b, `,"mode":`...)
	b = appendJSONString(b, string(r.Mode))
	if r.Alg != "" {
		b = append(b, `,"alg":`...)
		b = appendJSONString(b, r.Alg)
	}
	b = append(b, `,"verdict":`...)
	b = appendJSONString(b, string(r.Verdict))
	if r.Class != "" {
		b = append(b, `,"class":`...)
		b = appendJSONString(b, string(r.Class))
	}
	if r.Error != "" {
		b = append(b, `,"error":`...)
		b = appendJSONString(b, r.Error)
	}
	b = append(b, `,"rfc":`...)
	b = appendJSONString(b, string(r.RFC))
	b = append(b, `,"profile":`...)
	b = appendJSONString(b, string(r.Profile))
	if r.Severity != "" {
		b = append(b, `,"severity":`...)
		b = appendJSONString(b, string(r.Severity))
	}
	if len(r.RootCauses) > 0 {
		b = append(b, `,"rootCauses":[`...)
		for i, c := range r.RootCauses {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, c)
		}
		b = append(b, ']')
	}
	b = append(b, `,"explained":`...)
	b = strconv.AppendBool(b, r.Explained)
	b = append(b, '}')
	_, e.err = e.w.Write(b)
}

func (e *lineEncoder) member(name string, v any, last bool) {
	e.raw("  ")
	e.value(name)
	e.raw(": ")
	e.value(v)
	e.end(last)
}

// list writes a member whose value is a slice, one element per line.
func (e *lineEncoder) list(name string, slice any, last bool) {
	e.raw("  ")
	e.value(name)
	rv := reflect.ValueOf(slice)
	if rv.Len() == 0 {
		e.raw(": []")
		e.end(last)
		return
	}
	e.raw(": [\n")
	results, _ := slice.([]Result)
	for i := range rv.Len() {
		e.raw("    ")
		if results != nil {
			e.result(results[i])
		} else {
			e.value(rv.Index(i).Interface())
		}
		if i < rv.Len()-1 {
			e.raw(",")
		}
		e.raw("\n")
	}
	e.raw("  ]")
	e.end(last)
}

func (e *lineEncoder) end(last bool) {
	if last {
		e.raw("\n")
	} else {
		e.raw(",\n")
	}
}

// Decode reads a results.json written by Encode, or by any writer of the
// same schema version. Members it does not know are ignored, as the schema
// allows additions within a version.
func Decode(r io.Reader) (Document, error) {
	var d Document
	b, err := io.ReadAll(r)
	if err != nil {
		return d, fmt.Errorf("read results: %w", err)
	}
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return d, fmt.Errorf("not a results file: %w", err)
	}
	switch {
	case head.Schema == nil:
		return d, fmt.Errorf("not a results file: no \"schema\" member (want %q)", SchemaVersion)
	case *head.Schema != SchemaVersion:
		return d, fmt.Errorf("results schema %q, this jwtconform reads %q", *head.Schema, SchemaVersion)
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, fmt.Errorf("results: %w", err)
	}
	return d, nil
}

// appendJSONString appends s as encoding/json writes it without HTML
// escaping: printable ASCII other than a quote or backslash goes as it is,
// anything else through encoding/json.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return append(b, jsonString(s)...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonString is s as a JSON string literal, without HTML escaping.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
