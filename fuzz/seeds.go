package fuzz

import (
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/internal/jws"
	"github.com/jwtconform/jwtconform/resource"
	"github.com/jwtconform/jwtconform/vectors"
)

// SeedPayloads returns every vector's exact payload, in vector order,
// without repeats: the seeds of every byte-level target.
func SeedPayloads() [][]byte {
	var out [][]byte
	seen := map[string]bool{}
	for _, v := range vectors.All() {
		if !seen[string(v.Payload)] {
			seen[string(v.Payload)] = true
			out = append(out, v.Payload)
		}
	}
	return out
}

// SeedTokens returns the token seeds: every vector payload signed with
// HS256, and the crafted shapes of the resource measurement at a small
// size, so the fuzzer starts from valid tokens and from the known
// resource-exhaustion forms.
func SeedTokens() []string {
	var out []string
	for _, p := range SeedPayloads() {
		out = append(out, jws.HS256(p))
	}
	for _, sh := range resource.ResourceShapes() {
		out = append(out, sh.Build(256))
	}
	t := jws.HS256([]byte(`{"exp":1700003600}`))
	out = append(out,
		"", ".", "..", "...", t+".", "."+t, strings.ReplaceAll(t, ".", ".."),
		t[:strings.IndexByte(t, '.')]+"==."+t[strings.IndexByte(t, '.')+1:],
		t+"==", strings.ToUpper(t))
	return out
}

// SeedHeaders returns protected-header seeds: the harness's own, and
// headers that stress what a library reads before the claims.
func SeedHeaders() [][]byte {
	var out [][]byte
	for _, h := range []string{
		string(jws.Header("HS256")),
		`{"alg":"HS256"}`,
		`{"alg":"HS256","typ":"JWT","crit":["exp"],"exp":1}`,
		`{"alg":"HS256","b64":false,"crit":["b64"]}`,
		`{"alg":"HS256","kid":"k","jku":"x","x5c":["AA=="]}`,
		`{"alg":"none"}`,
		`{"alg":"HS256","alg":"none"}`,
		`{"alg":["HS256"]}`,
		`{"alg":"HS256","cty":"JWT"}`,
		`{"alg":"HS256","zip":"DEF"}`,
		`null`, `[]`, `{}`, `{"alg":"HS256"}x`,
	} {
		out = append(out, []byte(h))
	}
	return out
}

// DifferentialSeeds returns the differential target's seeds: each vector
// in both modes, as raw arguments.
func DifferentialSeeds() []DifferentialArgs {
	var out []DifferentialArgs
	for _, v := range vectors.All() {
		for _, m := range conformance.Modes {
			sec, nsec, leeway, flags := ArgsFrom(conformance.QueryFor(v, m))
			out = append(out, DifferentialArgs{v.Payload, sec, nsec, leeway, flags})
		}
	}
	return out
}

// DifferentialArgs are the differential target's raw arguments.
type DifferentialArgs struct {
	Payload []byte
	Sec     int64
	Nsec    uint32
	Leeway  int64
	Flags   uint32
}
