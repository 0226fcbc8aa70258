package oracle

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Parameter is one settable parameter of the model, by the name a profile
// uses for it.
type Parameter struct {
	// Name is the profile's name for it: "duplicates", "exp.boundary".
	Name string
	// Doc says what it is.
	Doc string
	// Values lists the values it takes; empty when it takes a duration or
	// a number.
	Values []string
	set    func(*Model, string) error
	get    func(*Model) string
}

// Parameters lists every parameter of the model, in a fixed order.
func Parameters() []Parameter { return parameters }

// Set sets the parameter named name to value.
func (m *Model) Set(name, value string) error {
	for _, p := range parameters {
		if p.Name == name {
			if err := p.set(m, value); err != nil {
				return fmt.Errorf("parameter %s: %w", name, err)
			}
			return nil
		}
	}
	return fmt.Errorf("no parameter %q (see oracle.Parameters)", name)
}

// Settings is the model as the parameters that differ from RFC 7519, as
// "name=value" in the order of Parameters.
func (m Model) Settings() []string {
	var zero Model
	var out []string
	for _, p := range parameters {
		if v := p.get(&m); v != p.get(&zero) {
			out = append(out, p.Name+"="+v)
		}
	}
	return out
}

// enum is a parameter over named values of an integer type.
func enum[T ~int](name, doc string, field func(*Model) *T, values ...string) Parameter {
	return Parameter{Name: name, Doc: doc, Values: values,
		set: func(m *Model, v string) error {
			i := slices.Index(values, v)
			if i < 0 {
				return fmt.Errorf("value %q: want one of %s", v, strings.Join(values, ", "))
			}
			*field(m) = T(i)
			return nil
		},
		get: func(m *Model) string {
			if i := int(*field(m)); i >= 0 && i < len(values) {
				return values[i]
			}
			return strconv.Itoa(int(*field(m)))
		},
	}
}

// flag is a boolean parameter whose values read false, true.
func flag(name, doc string, field func(*Model) *bool, no, yes string) Parameter {
	return Parameter{Name: name, Doc: doc, Values: []string{no, yes},
		set: func(m *Model, v string) error {
			switch v {
			case no:
				*field(m) = false
			case yes:
				*field(m) = true
			default:
				return fmt.Errorf("value %q: want %s or %s", v, no, yes)
			}
			return nil
		},
		get: func(m *Model) string {
			if *field(m) {
				return yes
			}
			return no
		},
	}
}

func duration(name, doc string, field func(*Model) *time.Duration) Parameter {
	return Parameter{Name: name, Doc: doc,
		set: func(m *Model, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil {
				return err
			}
			*field(m) = d
			return nil
		},
		get: func(m *Model) string { return field(m).String() },
	}
}

var choices = []string{"open", "accept", "reject"}

var parameters = func() []Parameter {
	ps := []Parameter{
		enum("bom", "a byte-order mark before the claims set (RFC 8259 8.1)", func(m *Model) *Choice { return &m.BOM }, choices...),
		flag("invalid-utf8", "invalid UTF-8 in the claims set (RFC 7519 7.2)", func(m *Model) *bool { return &m.InvalidUTF8Accepted }, "reject", "accept"),
		enum("lone-surrogate", "a lone surrogate escape (RFC 8259 8.2)", func(m *Model) *Choice { return &m.LoneSurrogate }, choices...),
		enum("deep-nesting", "nesting past the depth limit (RFC 8259 9)", func(m *Model) *Choice { return &m.DeepNesting }, choices...),
		{Name: "depth-limit", Doc: fmt.Sprintf("where deep-nesting applies (0: %d)", MaxDepth),
			set: func(m *Model, v string) error {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return fmt.Errorf("value %q: want a whole number", v)
				}
				m.DepthLimit = n
				return nil
			},
			get: func(m *Model) string { return strconv.Itoa(m.DepthLimit) }},
		enum("duplicates", "duplicate claim names (RFC 7519 4)", func(m *Model) *Duplicates { return &m.Duplicates }, "open", "last", "first", "reject"),
		enum("nested-duplicates", "duplicate names inside a claim value (RFC 8259 4)", func(m *Model) *Choice { return &m.NestedDuplicates }, choices...),
		enum("string-claims", "an iss, sub, aud or jti that is not a string (RFC 7519 4.1)", func(m *Model) *Choice { return &m.StringClaims }, choices...),
		flag("string-claims.strict", "whether a null iss, sub, aud or jti, or an empty aud array, counts as not a string", func(m *Model) *bool { return &m.StringClaimsStrict }, "no", "yes"),
		flag("null-claims-set", "a claims set that is JSON null (RFC 7519 7.2)", func(m *Model) *bool { return &m.NullClaimsSet }, "reject", "empty"),
		flag("float64-anywhere", "every number decoded into a float64, in any claim", func(m *Model) *bool { return &m.Float64Anywhere }, "no", "yes"),
		flag("names", "how claim names match (RFC 7519 4: case-sensitively)", func(m *Model) *bool { return &m.CaseFold }, "exact", "case-fold"),
		flag("names.fold-collision", "a name that is not a registered claim name but equals one under case folding (RFC 7519 4: an unrelated claim)", func(m *Model) *bool { return &m.FoldCollisionRejected }, "ignored", "rejected"),
		flag("token.header", "the protected header: any JSON object naming its alg (RFC 7515 4), or only the exact forms a library writes itself (see Model.HeaderExactForms)", func(m *Model) *bool { return &m.HeaderExactForms }, "any", "exact-forms"),
		flag("token.base64-padding", "'=' padding on a compact JWS's base64url segments (RFC 7515 2: base64url without padding)", func(m *Model) *bool { return &m.Base64PaddingAccepted }, "reject", "accept"),
		flag("trailing-data", "bytes after the claims object (RFC 8259 2)", func(m *Model) *bool { return &m.TrailingIgnored }, "reject", "ignored"),
		flag("decode-each", "whether every occurrence of a duplicated claim is decoded", func(m *Model) *bool { return &m.DecodeEach }, "no", "yes"),
		flag("duplicate-null", "what a null occurrence of a duplicated time claim does to an earlier one", func(m *Model) *bool { return &m.NullKeepsEarlier }, "replaces", "keeps-earlier"),
		enum("number", "how a number literal is read (RFC 7519 2: exactly)", func(m *Model) *Number { return &m.Number }, "exact", "float64"),
		enum("number.beyond-binary64", "a NumericDate beyond the finite binary64 range, read exactly (RFC 8259 6, 9: a parser may limit the range)", func(m *Model) *Choice { return &m.BeyondBinary64 }, choices...),
		enum("instant", "how the number read becomes the instant compared", func(m *Model) *Instant { return &m.Instant },
			"exact", "go-time-floor", "int64-seconds", "printf-whole-seconds", "trunc-seconds", "floor-seconds", "round-seconds", "int32-seconds",
			"go-int64", "go-time-floor-ms", "jwx-v3", "int64-seconds-unguarded", "json-number-int64-seconds", "int64-seconds-to-9999"),
		{Name: "instant.digits", Doc: "the fractional digits the jwx-v3 instant and string readings keep (0 to 9)",
			set: func(m *Model, v string) error {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 || n > 9 {
					return fmt.Errorf("value %q: want a whole number from 0 to 9", v)
				}
				m.InstantDigits = n
				return nil
			},
			get: func(m *Model) string { return strconv.Itoa(m.InstantDigits) }},
		enum("quoted", "how a string time claim is read (RFC 7519 2: malformed)", func(m *Model) *Quoted { return &m.Quoted }, "malformed", "json-number", "seconds-or-rfc3339", "epoch-or-rfc3339", "epoch"),
		{Name: "clock", Doc: "how the clock is read: exact, or floor:UNIT or round:UNIT (a unit dividing a second, or whole seconds)",
			set: func(m *Model, v string) error {
				if v == "exact" {
					m.Clock = Clock{}
					return nil
				}
				how, unit, ok := strings.Cut(v, ":")
				d, err := time.ParseDuration(unit)
				r := map[string]Rounding{"floor": RoundFloor, "round": RoundNearest}[how]
				if !ok || err != nil || r == RoundExact || d <= 0 || (d < time.Second && time.Second%d != 0) || (d > time.Second && d%time.Second != 0) {
					return fmt.Errorf("value %q: want exact, floor:UNIT or round:UNIT", v)
				}
				m.Clock = Clock{Unit: d, Rounding: r}
				return nil
			},
			get: func(m *Model) string {
				if m.Clock.Unit <= 0 || m.Clock.Rounding == RoundExact {
					return "exact"
				}
				return map[Rounding]string{RoundFloor: "floor", RoundNearest: "round"}[m.Clock.Rounding] + ":" + m.Clock.Unit.String()
			}},
		enum("iat.malformed", "an iat that is not a NumericDate (RFC 7519 4.1.6 sets no rule)", func(m *Model) *Choice { return &m.MalformedIat }, choices...),
		enum("iat.future", "an iat later than now (RFC 7519 4.1.6 sets no rule)", func(m *Model) *FutureIat { return &m.FutureIat }, "open", "ignored", "beyond-leeway"),
		flag("policy.bound", "the bound max age (or lifetime) + leeway of the caller's policy: exact, or an int64 sum that wraps", func(m *Model) *bool { return &m.PolicyBoundWraps }, "exact", "wraps"),
		flag("time-checks", "whether time claims are compared when a registered claim fails kataras/jwt's typed decode (see Model.SkipTimeChecksOnDecodeFailure)", func(m *Model) *bool { return &m.SkipTimeChecksOnDecodeFailure }, "always", "skipped-on-decode-failure"),
	}
	for _, c := range TimeClaims {
		rule := func(m *Model) *ClaimRule { return m.Rule(c) }
		n := string(c) + "."
		ps = append(ps,
			enum(n+"boundary", "whether the claim's own instant is inside the window", func(m *Model) *Boundary { return &rule(m).Boundary }, "rfc", "inclusive", "exclusive"),
			enum(n+"leeway", "how a leeway moves the claim's bound", func(m *Model) *LeewayUse { return &rule(m).Leeway }, "widens", "ignored", "narrows"),
			duration(n+"default-leeway", "the leeway when the caller passes none", func(m *Model) *time.Duration { return &rule(m).DefaultLeeway }),
			flag(n+"null", "a null value", func(m *Model) *bool { return &rule(m).NullAbsent }, "malformed", "absent"),
			flag(n+"zero", "a value equal to 0", func(m *Model) *bool { return &rule(m).ZeroAbsent }, "value", "absent"),
			flag(n+"non-positive", "an instant at or before 0", func(m *Model) *bool { return &rule(m).NonPositiveAbsent }, "value", "absent"),
			flag(n+"epoch-second", "an instant in 0 <= t < 1", func(m *Model) *bool { return &rule(m).EpochSecondUnchecked }, "checked", "unchecked"),
			flag(n+"wrong-type", "a value that is not a NumericDate (RFC 7519 2: malformed)", func(m *Model) *bool { return &rule(m).WrongTypeIgnored }, "malformed", "absent"),
			flag(n+"required", "whether the claim must be present unasked", func(m *Model) *bool { return &rule(m).Required }, "no", "yes"),
			Parameter{Name: n + "synthesis", Doc: "a missing claim derived from another: none, CLAIM+DURATION (iat+150s), the first present of two (iat+0s|exp-150s) or the later of two (max(iat+150s,nbf+150s))",
				set: func(m *Model, v string) error {
					s, err := parseSynthesis(c, v)
					if err != nil {
						return fmt.Errorf("value %q: %w", v, err)
					}
					rule(m).Synthesis = s
					return nil
				},
				get: func(m *Model) string { return rule(m).Synthesis.String() }},
		)
	}
	return ps
}()

// parseSynthesis reads the value of CLAIM.synthesis for claim c.
func parseSynthesis(c Claim, v string) (Synthesis, error) {
	if v == "none" {
		return Synthesis{}, nil
	}
	latest := strings.HasPrefix(v, "max(") && strings.HasSuffix(v, ")")
	sep := "|"
	if latest {
		v, sep = v[len("max("):len(v)-1], ","
	}
	parts := strings.Split(v, sep)
	if len(parts) > 2 || (latest && len(parts) != 2) {
		return Synthesis{}, fmt.Errorf("want none or CLAIM+DURATION (or A+D|B+D, max(A+D,B+D))")
	}
	var s Synthesis
	for i, p := range parts {
		j := strings.IndexAny(p, "+-")
		if j < 0 || !slices.Contains(TimeClaims, Claim(p[:j])) || Claim(p[:j]) == c {
			return Synthesis{}, fmt.Errorf("want none or CLAIM+DURATION (or A+D|B+D, max(A+D,B+D))")
		}
		d, err := time.ParseDuration(strings.TrimPrefix(p[j:], "+"))
		if err != nil {
			return Synthesis{}, err
		}
		if i == 0 {
			s.From, s.Offset = Claim(p[:j]), d
		} else {
			s.Alt, s.AltOffset = Claim(p[:j]), d
		}
	}
	s.Latest = latest
	return s, nil
}

// String is the synthesis as a profile writes it.
func (s Synthesis) String() string {
	if s.From == "" {
		return "none"
	}
	one := func(c Claim, d time.Duration) string {
		if d < 0 {
			return string(c) + d.String()
		}
		return string(c) + "+" + d.String()
	}
	switch {
	case s.Alt == "":
		return one(s.From, s.Offset)
	case s.Latest:
		return "max(" + one(s.From, s.Offset) + "," + one(s.Alt, s.AltOffset) + ")"
	}
	return one(s.From, s.Offset) + "|" + one(s.Alt, s.AltOffset)
}
