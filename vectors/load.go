package vectors

import (
	"bytes"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/oracle"
)

//go:embed data/*.json
var embedded embed.FS

// All returns every embedded vector, sorted by id. The embedded files are
// checked by this package's tests, so an error here is a programming error.
func All() []Vector {
	v, err := Load(embedded, "data")
	if err != nil {
		panic(err)
	}
	return v
}

// Files returns the embedded vector files, for tools that show the source.
func Files() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err)
	}
	return sub
}

// Load reads every *.json file in dir of fsys, checks it and returns the
// vectors sorted by id. Any problem is an error naming the file and vector.
func Load(fsys fs.FS, dir string) ([]Vector, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("vectors: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("vectors: no *.json files in %s", dir)
	}
	sort.Strings(names)
	var all []Vector
	seen := map[string]string{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("vectors: %w", err)
		}
		vs, err := Parse(path.Base(name), b)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			if prev, dup := seen[v.ID]; dup {
				return nil, fmt.Errorf("vectors: %s: test %q: duplicate id (also in %s)", v.File, v.ID, prev)
			}
			seen[v.ID] = v.File
		}
		all = append(all, vs...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all, nil
}

// Parse decodes one vector file. name is the file's base name, used in
// errors and to check the ids.
func Parse(name string, b []byte) ([]Vector, error) {
	// encoding/json would replace invalid bytes with U+FFFD and so change a
	// payload silently.
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("vectors: %s: file is not valid UTF-8 (use payloadBase64 for raw bytes)", name)
	}
	var f fileJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("vectors: %s: %w", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("vectors: %s: trailing data after the file's object", name)
	}
	if f.Schema != Schema {
		return nil, fmt.Errorf("vectors: %s: schema %q, want %q", name, f.Schema, Schema)
	}
	if want := strings.TrimSuffix(name, ".json"); f.Name != want {
		return nil, fmt.Errorf("vectors: %s: name %q, want %q", name, f.Name, want)
	}
	if len(f.Tests) == 0 {
		return nil, fmt.Errorf("vectors: %s: no tests", name)
	}
	used := map[string]bool{}
	out := make([]Vector, 0, len(f.Tests))
	ids := map[string]bool{}
	for i, t := range f.Tests {
		v, err := t.vector(f)
		if err != nil {
			return nil, fmt.Errorf("vectors: %s: test %d %q: %w", name, i, t.ID, err)
		}
		if ids[v.ID] {
			return nil, fmt.Errorf("vectors: %s: test %q: duplicate id", name, v.ID)
		}
		ids[v.ID] = true
		v.File = name
		for _, fl := range v.Flags {
			used[fl] = true
		}
		out = append(out, v)
	}
	for fl, text := range f.Notes {
		if strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("vectors: %s: note %q has no description", name, fl)
		}
		if !used[fl] {
			return nil, fmt.Errorf("vectors: %s: note %q describes a flag no test uses", name, fl)
		}
	}
	return out, nil
}

func (t testJSON) vector(f fileJSON) (Vector, error) {
	v := Vector{ID: t.ID, Comment: t.Comment, RFC: t.RFC, NowText: t.Now}
	if !strings.HasPrefix(t.ID, f.Name+"/") || len(t.ID) == len(f.Name)+1 {
		return v, fmt.Errorf("id must be %q followed by a label", f.Name+"/")
	}
	if strings.TrimSpace(t.Comment) == "" {
		return v, fmt.Errorf("no comment")
	}
	if strings.TrimSpace(t.RFC) == "" {
		return v, fmt.Errorf("no rfc reference (name the clause, or say why the RFC is silent)")
	}
	switch {
	case t.Payload != nil && t.PayloadBase64 != nil:
		return v, fmt.Errorf("both payload and payloadBase64 are set")
	case t.Payload != nil:
		v.Payload = []byte(*t.Payload)
	case t.PayloadBase64 != nil:
		p, err := base64.StdEncoding.DecodeString(*t.PayloadBase64)
		if err != nil {
			return v, fmt.Errorf("payloadBase64: %w", err)
		}
		if utf8.Valid(p) {
			return v, fmt.Errorf("payloadBase64 is valid UTF-8: use payload")
		}
		v.Payload = p
	default:
		return v, fmt.Errorf("no payload")
	}
	now, err := ParseTime(t.Now)
	if err != nil {
		return v, fmt.Errorf("now: %w", err)
	}
	v.Now = now
	if t.Leeway == "" {
		return v, fmt.Errorf("no leeway (write \"0s\" for none)")
	}
	lw, err := time.ParseDuration(t.Leeway)
	if err != nil {
		return v, fmt.Errorf("leeway: %w", err)
	}
	v.Leeway = lw
	for _, d := range []struct {
		name, text string
		to         *time.Duration
	}{{"maxAge", t.MaxAge, &v.MaxAge}, {"maxLifetime", t.MaxLifetime, &v.MaxLifetime}} {
		if d.text == "" {
			continue
		}
		x, err := time.ParseDuration(d.text)
		if err != nil {
			return v, fmt.Errorf("%s: %w", d.name, err)
		}
		if x <= 0 {
			return v, fmt.Errorf("%s %s is not positive (leave it out for none)", d.name, d.text)
		}
		*d.to = x
	}
	if t.Require == nil {
		return v, fmt.Errorf("no require list (write [] for none)")
	}
	seenReq := map[adapters.Claim]bool{}
	for _, r := range t.Require {
		c := adapters.Claim(r)
		if c != adapters.Exp && c != adapters.Nbf && c != adapters.Iat {
			return v, fmt.Errorf("require: unknown claim %q (want exp, nbf or iat)", r)
		}
		if seenReq[c] {
			return v, fmt.Errorf("require: %q twice", r)
		}
		seenReq[c] = true
		v.Require = append(v.Require, c)
	}
	switch e := oracle.Verdict(t.Expect); e {
	case oracle.Accept, oracle.Reject, oracle.Either:
		v.Expect = e
	default:
		return v, fmt.Errorf("expect %q: want accept, reject or either", t.Expect)
	}
	if t.Class != "" {
		if v.Expect == oracle.Accept {
			return v, fmt.Errorf("class %q on an accept vector", t.Class)
		}
		if !adapters.ValidClass(adapters.Class(t.Class)) {
			return v, fmt.Errorf("unknown class %q", t.Class)
		}
		v.Class = adapters.Class(t.Class)
	} else if v.Expect == oracle.Reject {
		return v, fmt.Errorf("reject vector without a class")
	}
	seenFlag := map[string]bool{}
	for _, fl := range t.Flags {
		if _, ok := f.Notes[fl]; !ok {
			return v, fmt.Errorf("unknown flag %q: describe it in the file's notes", fl)
		}
		if seenFlag[fl] {
			return v, fmt.Errorf("flag %q twice", fl)
		}
		seenFlag[fl] = true
	}
	v.Flags = append([]string(nil), t.Flags...)
	sort.Strings(v.Flags)
	return v, nil
}
