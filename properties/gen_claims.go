package properties

import (
	"fmt"
	"math/big"
	"strings"

	"pgregory.net/rapid"

	"github.com/jwtconform/jwtconform/adapters"
)

// Member is one member of a claims set exactly as written.
type Member struct {
	// Name is the member name as it stands between the quotes, escapes
	// included ("\u0065xp").
	Name string
	// Value is the raw JSON value.
	Value string
	// Space is the insignificant whitespace before the name, before the
	// colon, after the colon and after the value.
	Space [4]string
	// Claim is the time claim the member sets once its name is unescaped,
	// or "" for any other member.
	Claim adapters.Claim
	// Number reports whether Value is a JSON number, so a spelling change
	// keeps its value.
	Number bool
}

// ClaimsSet is a JSON object to be written byte for byte, so that the
// exact bytes, not a re-encoding, reach every library.
type ClaimsSet struct {
	// Members are the members in order; names may repeat.
	Members []Member
	// Lead and Tail are the whitespace around the object.
	Lead, Tail string
}

// Bytes writes the claims set.
func (c ClaimsSet) Bytes() []byte {
	var b strings.Builder
	b.WriteString(c.Lead)
	b.WriteByte('{')
	for i, m := range c.Members {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(m.Space[0])
		b.WriteString(`"` + m.Name + `"`)
		b.WriteString(m.Space[1])
		b.WriteByte(':')
		b.WriteString(m.Space[2])
		b.WriteString(m.Value)
		b.WriteString(m.Space[3])
	}
	b.WriteByte('}')
	b.WriteString(c.Tail)
	return []byte(b.String())
}

// String is the claims set as text, for messages.
func (c ClaimsSet) String() string { return string(c.Bytes()) }

// Clone returns a copy whose members can be changed freely.
func (c ClaimsSet) Clone() ClaimsSet {
	c.Members = append([]Member(nil), c.Members...)
	return c
}

// has reports whether a member of c already sets name.
func (c ClaimsSet) has(name string) bool {
	for _, m := range c.Members {
		if memberKey(m) == name {
			return true
		}
	}
	return false
}

// TimeClaim is the member name = NumericDate literal lit.
func TimeClaim(name adapters.Claim, lit string) Member {
	return Member{Name: string(name), Value: lit, Claim: name, Number: true}
}

// GenWhitespace draws insignificant whitespace (RFC 8259 2), shrinking to
// none.
func GenWhitespace() *rapid.Generator[string] {
	return rapid.SampledFrom([]string{"", " ", "\n", "\t", "\r\n", "  ", " \t\n\r "})
}

// GenEscapedName draws a spelling of name in which each character may be
// a \u escape, in either case of hex digits (RFC 8259 7).
func GenEscapedName(name string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		var b strings.Builder
		for _, r := range name {
			switch rapid.IntRange(0, 2).Draw(t, "escape") {
			case 0:
				b.WriteRune(r)
			case 1:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		}
		return b.String()
	})
}

// wrongTypes are values of a time claim that are not a NumericDate: a
// quoted number, a string, the literals, an array and an object.
var wrongTypes = []string{`"1700000001"`, `"soon"`, `null`, `true`, `false`, `[1700000001]`, `{"exp":1}`, `"2023-11-14T22:13:20Z"`, `""`}

// unrelatedNames are member names that are not time claims: registered
// string claims, private names, look-alikes and case variants of the time
// claims, which RFC 7519 names case-sensitively.
var unrelatedNames = []string{"sub", "iss", "jti", "aud", "foo", "role", "expires", "exp_", "nbf2", "EXP", "Exp", "NBF", "Nbf", "IAT", "iAt", "x"}

// registeredStrings are the registered claims that hold strings, which some
// libraries decode into typed fields: they get well-typed values only.
var registeredStrings = map[string]bool{"sub": true, "iss": true, "jti": true, "aud": true}

// GenUnrelated draws a member that is not a time claim. Its value is any
// JSON value, except that a registered string claim gets a string (and aud
// an array of strings), so that only time-claim handling is measured.
func GenUnrelated(anchor *big.Int) *rapid.Generator[Member] {
	return rapid.Custom(func(t *rapid.T) Member {
		name := rapid.SampledFrom(unrelatedNames).Draw(t, "unrelatedName")
		if registeredStrings[name] {
			v := rapid.SampledFrom([]string{`"a"`, `"https://issuer.example"`, `"\u00e9\"x"`, `""`}).Draw(t, "stringValue")
			if name == "aud" && rapid.Bool().Draw(t, "audArray") {
				v = "[" + v + `,"b"]`
			}
			return Member{Name: name, Value: v}
		}
		if rapid.Bool().Draw(t, "numberValue") {
			return Member{Name: name, Value: GenDateNear(anchor).Draw(t, "value"), Number: true}
		}
		return Member{Name: name, Value: rapid.SampledFrom(append([]string{`{"exp":1,"nbf":9e99}`, `[{"iat":1}]`}, wrongTypes...)).Draw(t, "value")}
	})
}

// GenTimeMember draws a time claim near anchor: a NumericDate most of the
// time, sometimes a value of the wrong type.
func GenTimeMember(name adapters.Claim, anchor *big.Int, wrongType bool) *rapid.Generator[Member] {
	return rapid.Custom(func(t *rapid.T) Member {
		if wrongType && rapid.IntRange(0, 5).Draw(t, "wrongType") == 5 {
			return Member{Name: string(name), Value: rapid.SampledFrom(wrongTypes).Draw(t, "value"), Claim: name}
		}
		near := new(big.Int).Add(anchor, GenOffset(0).Draw(t, "claimOffset"))
		return TimeClaim(name, GenDateNear(near).Draw(t, "value"))
	})
}

// ClaimsShape says which oddities GenClaimsSet may put in a claims set.
type ClaimsShape struct {
	// WrongTypes lets a time claim hold a value that is not a number.
	WrongTypes bool
	// Duplicates lets a time claim appear twice, perhaps escaped.
	Duplicates bool
	// Unrelated lets members that are not time claims appear.
	Unrelated bool
	// Layout lets members come in any order, with any whitespace, names
	// escaped and numbers respelled.
	Layout bool
}

// NearValid is the shape with every oddity turned on.
var NearValid = ClaimsShape{WrongTypes: true, Duplicates: true, Unrelated: true, Layout: true}

// GenClaimsSet draws a claims set whose time claims lie near anchor
// (nanoseconds), with the oddities shape allows. It shrinks toward
// {"exp":...} alone in canonical form.
func GenClaimsSet(anchor *big.Int, shape ClaimsShape) *rapid.Generator[ClaimsSet] {
	return rapid.Custom(func(t *rapid.T) ClaimsSet {
		var c ClaimsSet
		for _, name := range adapters.TimeClaims {
			if name != adapters.Exp && rapid.Bool().Draw(t, "omit") {
				continue
			}
			if name == adapters.Exp && rapid.IntRange(0, 5).Draw(t, "omitExp") == 5 {
				continue
			}
			c.Members = append(c.Members, GenTimeMember(name, anchor, shape.WrongTypes).Draw(t, "claim"))
			if shape.Duplicates && rapid.IntRange(0, 5).Draw(t, "duplicate") == 5 {
				c.Members = append(c.Members, GenTimeMember(name, anchor, shape.WrongTypes).Draw(t, "duplicate"))
			}
		}
		if shape.Unrelated {
			for range rapid.IntRange(0, 3).Draw(t, "unrelated") {
				if m := GenUnrelated(anchor).Draw(t, "member"); !c.has(m.Name) {
					c.Members = append(c.Members, m)
				}
			}
		}
		if shape.Layout {
			c = Relayout(t, c)
		}
		return c
	})
}

// The functions below draw a change of a claims set from t. They are
// plain draws rather than generators because a claims set with nothing to
// change draws nothing, which rapid does not allow of a generator.

// Relayout draws a layout of c that no RFC-conforming parser can tell
// apart from c: member order, whitespace, escaped names and number
// spellings. Members with repeated names keep their relative order, since
// the last one wins (RFC 7519 4).
func Relayout(t *rapid.T, c ClaimsSet) ClaimsSet {
	return Respelled(t, EscapeNames(t, Spaced(t, Reorder(t, c))))
}

// Reorder draws a reordering of c's members that keeps members of the
// same name in their order.
func Reorder(t *rapid.T, c ClaimsSet) ClaimsSet {
	out := c.Clone()
	rest := append([]Member(nil), c.Members...)
	out.Members = out.Members[:0]
	for len(rest) > 0 {
		// Only the first remaining member of each name may go next.
		var firsts []int
		seen := map[string]bool{}
		for i, m := range rest {
			key := memberKey(m)
			if !seen[key] {
				seen[key] = true
				firsts = append(firsts, i)
			}
		}
		i := firsts[rapid.IntRange(0, len(firsts)-1).Draw(t, "next")]
		out.Members = append(out.Members, rest[i])
		rest = append(rest[:i:i], rest[i+1:]...)
	}
	return out
}

// memberKey is the name a member sets, after unescaping.
func memberKey(m Member) string {
	if m.Claim != "" {
		return string(m.Claim)
	}
	return m.Name
}

// Spaced draws insignificant whitespace into every gap of c.
func Spaced(t *rapid.T, c ClaimsSet) ClaimsSet {
	out := c.Clone()
	out.Lead = GenWhitespace().Draw(t, "lead")
	for i := range out.Members {
		for j := range out.Members[i].Space {
			out.Members[i].Space[j] = GenWhitespace().Draw(t, "space")
		}
	}
	out.Tail = GenWhitespace().Draw(t, "tail")
	return out
}

// EscapeNames draws \u escapes into the names of c's time claims.
func EscapeNames(t *rapid.T, c ClaimsSet) ClaimsSet {
	out := c.Clone()
	for i, m := range out.Members {
		if m.Claim != "" {
			out.Members[i].Name = GenEscapedName(string(m.Claim)).Draw(t, "name")
		}
	}
	return out
}

// Respelled draws a new spelling of every number in c.
func Respelled(t *rapid.T, c ClaimsSet) ClaimsSet {
	out := c.Clone()
	for i, m := range out.Members {
		if m.Number {
			out.Members[i].Value = Respell(m.Value, GenSpelling().Draw(t, "spelling"))
		}
	}
	return out
}

// WithUnrelated draws c with up to three unrelated members inserted
// anywhere.
func WithUnrelated(t *rapid.T, c ClaimsSet, anchor *big.Int) ClaimsSet {
	out := c.Clone()
	for range rapid.IntRange(1, 3).Draw(t, "unrelated") {
		m := GenUnrelated(anchor).Draw(t, "member")
		if out.has(m.Name) {
			continue // a repeated name is a duplicate, not an unrelated claim
		}
		i := rapid.IntRange(0, len(out.Members)).Draw(t, "at")
		out.Members = append(out.Members[:i:i], append([]Member{m}, out.Members[i:]...)...)
	}
	return out
}
