package fuzz

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/jwtconform/jwtconform/conformance"
)

// Known is a finding the fuzzers made that is recorded rather than failed
// on: a library's panic, hang, allocation blow-up or unexplained outcome,
// with the reason it is left as it is. The target then logs it and passes,
// so go test ./... stays green while the report lists it. Entries are data
// (known.json), like BoGo's expected failures: each needs a reason, and an
// entry that no committed corpus file shows any more fails
// TestKnownFindingsReproduce.
type Known struct {
	// ID names the finding, stably.
	ID string `json:"id"`
	// Target is the short name of the target that found it ("token",
	// "differential": the target's name without its "Fuzz" prefix, in
	// lower case).
	Target string `json:"target"`
	// Adapter is a glob over adapter names.
	Adapter string `json:"adapter"`
	// Kind is panic, timeout, alloc or unexplained.
	Kind string `json:"kind"`
	// Outcome, when set, must equal the outcome, as "reject/expired".
	Outcome string `json:"outcome,omitempty"`
	// Error, when set, must occur in the library's error or panic text.
	Error string `json:"error,omitempty"`
	// Payload, when set, is a regular expression the claims set must match.
	Payload string `json:"payload,omitempty"`
	// Profile, when set, must occur in the reasons of the profile's
	// prediction (for a differential anomaly).
	Profile string `json:"profile,omitempty"`
	// Reason says why the finding stands and cites the library code or
	// issue, or the profile deviation that should absorb it.
	Reason string `json:"reason"`

	payload *regexp.Regexp
}

//go:embed known.json
var knownJSON []byte

// knownFindings is the parsed table; ParseKnown checks it at init so a bad
// entry fails every test at once.
var knownFindings = mustParseKnown(knownJSON)

func mustParseKnown(b []byte) []*Known {
	ks, err := ParseKnown(b)
	if err != nil {
		panic(err)
	}
	return ks
}

// ParseKnown decodes and checks a known-findings table.
func ParseKnown(b []byte) ([]*Known, error) {
	var ks []*Known
	if err := json.Unmarshal(b, &ks); err != nil {
		return nil, fmt.Errorf("fuzz: known.json: %w", err)
	}
	seen := map[string]bool{}
	for _, k := range ks {
		switch {
		case k.ID == "" || seen[k.ID]:
			return nil, fmt.Errorf("fuzz: known.json: empty or repeated id %q", k.ID)
		case strings.TrimSpace(k.Reason) == "":
			return nil, fmt.Errorf("fuzz: known.json: %s has no reason", k.ID)
		case k.Target == "" || k.Adapter == "":
			return nil, fmt.Errorf("fuzz: known.json: %s needs a target and an adapter", k.ID)
		}
		switch k.Kind {
		case KindPanic, KindTimeout, KindAlloc, KindUnexplained:
		default:
			return nil, fmt.Errorf("fuzz: known.json: %s: unknown kind %q", k.ID, k.Kind)
		}
		if k.Payload != "" {
			re, err := regexp.Compile(k.Payload)
			if err != nil {
				return nil, fmt.Errorf("fuzz: known.json: %s: %w", k.ID, err)
			}
			k.payload = re
		}
		seen[k.ID] = true
	}
	return ks, nil
}

// KnownFindings returns the known-findings table.
func KnownFindings() []*Known { return knownFindings }

// MatchKnown returns the first known finding of target that covers anomaly
// a on payload (nil when the target has no payload), or nil.
func MatchKnown(target string, a Anomaly, payload []byte) *Known {
	for _, k := range knownFindings {
		if k.matches(target, a, payload) {
			return k
		}
	}
	return nil
}

func (k *Known) matches(target string, a Anomaly, payload []byte) bool {
	switch {
	case k.Target != strings.ToLower(target), k.Kind != a.Kind, !conformance.MatchGlob(k.Adapter, a.Adapter):
		return false
	case k.Outcome != "" && k.Outcome != a.Outcome.String():
		return false
	case k.Error != "" && !strings.Contains(a.Outcome.Error, k.Error):
		return false
	case k.payload != nil && !k.payload.Match(payload):
		return false
	case k.Profile != "" && !strings.Contains(strings.Join(a.Predicted.Reasons, "; "), k.Profile):
		return false
	}
	return true
}
