package report

import (
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
)

// checkProgram is how the reports spell the command, as the README runs it.
const checkProgram = "go run ./cmd/jwtconform check"

// CheckCommand is a shell command that replays vector v in mode m through
// `jwtconform check`, which signs the same payload with the harness key
// and shows how every adapter and the RFC judge it. A payload that a shell
// argument cannot carry verbatim (a NUL or other control byte, invalid
// UTF-8) goes through base64 and a file.
func CheckCommand(v Vector, m conformance.Mode) string {
	opts := checkOptions(v, m)
	if p := v.Payload; p != nil && inlineSafe(*p) {
		return checkProgram + " -payload " + shellQuote(*p) + opts
	}
	b64 := v.PayloadBase64
	if v.Payload != nil {
		b64 = base64Std.EncodeToString([]byte(*v.Payload))
	}
	return "printf %s " + shellQuote(b64) + " | base64 -d > payload.json && " +
		checkProgram + " -payload @payload.json" + opts
}

// ShortCheckCommand is CheckCommand when it is at most limit bytes long;
// otherwise a command that takes the payload from results.json with jq,
// so a Markdown report stays small.
func ShortCheckCommand(v Vector, m conformance.Mode, limit int) string {
	if c := CheckCommand(v, m); len(c) <= limit {
		return c
	}
	sel := ".vectors[] | select(.id == " + jsonString(v.ID) + ")"
	extract := "jq -j " + shellQuote(sel+" | .payload") + " results.json > payload.json"
	if v.Payload == nil {
		extract = "jq -j " + shellQuote(sel+" | .payloadBase64") + " results.json | base64 -d > payload.json"
	}
	return extract + " && " + checkProgram + " -payload @payload.json" + checkOptions(v, m)
}

// checkOptions are the clock, leeway and requirement flags for mode m:
// the defaults mode passes only the clock, as the run did.
func checkOptions(v Vector, m conformance.Mode) string {
	var b strings.Builder
	b.WriteString(" -now " + shellQuote(v.Now))
	if m == conformance.Defaults {
		return b.String()
	}
	b.WriteString(" -leeway " + shellQuote(v.Leeway))
	if len(v.Require) > 0 {
		names := make([]string, len(v.Require))
		for i, c := range v.Require {
			names[i] = string(c)
		}
		b.WriteString(" -require " + strings.Join(names, ","))
	}
	if v.MaxAge != "" {
		b.WriteString(" -max-age " + shellQuote(v.MaxAge))
	}
	if v.MaxLifetime != "" {
		b.WriteString(" -max-lifetime " + shellQuote(v.MaxLifetime))
	}
	return b.String()
}

// policies describes the explicit mode's maximum age and lifetime, as
// ", max age 1h0m0s", or "" when the vector asks for none.
func (v Vector) policies() string {
	var s string
	if v.MaxAge != "" {
		s += ", max age " + v.MaxAge
	}
	if v.MaxLifetime != "" {
		s += ", max lifetime " + v.MaxLifetime
	}
	return s
}

// RequireList renders required claims as the -require flag spells them,
// or "none".
func RequireList(cs []adapters.Claim) string {
	if len(cs) == 0 {
		return "none"
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = string(c)
	}
	return strings.Join(names, ",")
}

// inlineSafe reports whether s can stand in a one-line shell argument.
func inlineSafe(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return false
		}
	}
	return true
}

// shellQuote quotes s for a POSIX shell, leaving plain words bare.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,_-+/:@=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
