package conformance

import (
	"regexp"
	"strings"
)

// MatchGlob matches name against a shell-style pattern in which '*' spans
// any run of characters, slashes included, and '?' one character; commas
// separate alternatives ("golang-jwt/*,jwx/*"). The empty pattern matches
// everything.
func MatchGlob(pattern, name string) bool {
	if pattern == "" {
		return true
	}
	for _, alt := range strings.Split(pattern, ",") {
		var re strings.Builder
		re.WriteString("^")
		for _, r := range alt {
			switch r {
			case '*':
				re.WriteString(".*")
			case '?':
				re.WriteString(".")
			default:
				re.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		re.WriteString("$")
		if regexp.MustCompile(re.String()).MatchString(name) {
			return true
		}
	}
	return false
}
