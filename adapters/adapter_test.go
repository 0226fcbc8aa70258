package adapters

import (
	"context"
	"slices"
	"testing"
	"time"
)

// fakeAdapter supports the features in its set and, through the optional
// interfaces, declares what its fields say.
type fakeAdapter struct{ features []Feature }

func (fakeAdapter) Name() string                                    { return "fake" }
func (fakeAdapter) Module() Module                                  { return Module{Path: "fake", Version: "v0"} }
func (a fakeAdapter) Supports(f Feature) bool                       { return slices.Contains(a.features, f) }
func (fakeAdapter) Verify(context.Context, string, Options) Outcome { return Accepted() }

// boundedAdapter is a fakeAdapter whose library refuses a leeway over ten
// minutes, as tink does.
type boundedAdapter struct{ fakeAdapter }

func (boundedAdapter) MaxLeeway() time.Duration { return 10 * time.Minute }

// asymmetricAdapter declares the algorithms it verifies.
type asymmetricAdapter struct{ fakeAdapter }

func (asymmetricAdapter) Algorithms() []string { return []string{"RS256", "ES256"} }

func TestLacks(t *testing.T) {
	t.Parallel()
	leeway := fakeAdapter{features: []Feature{FeatureLeeway}}
	negative := fakeAdapter{features: []Feature{FeatureLeeway, FeatureNegativeLeeway}}
	bounded := boundedAdapter{leeway}
	boundedNegative := boundedAdapter{negative}
	now := time.Unix(1700000000, 0)
	lw := func(d time.Duration) Options { return Options{Now: now, Leeway: d, SetLeeway: true} }
	cases := []struct {
		name string
		a    Adapter
		o    Options
		want Feature // "" when nothing is lacking
	}{
		{"no options", fakeAdapter{}, Options{Now: now}, ""},
		{"leeway unsupported", fakeAdapter{}, lw(0), FeatureLeeway},
		{"zero leeway", leeway, lw(0), ""},
		{"positive leeway", leeway, lw(time.Hour), ""},
		{"negative leeway unsupported", leeway, lw(-time.Second), FeatureNegativeLeeway},
		{"negative leeway supported", negative, lw(-time.Second), ""},
		{"leeway unset, negative value ignored", leeway, Options{Now: now, Leeway: -time.Second}, ""},
		{"at the bound", bounded, lw(10 * time.Minute), ""},
		{"beyond the bound", bounded, lw(10*time.Minute + time.Nanosecond), FeatureLeewayBeyondMax},
		{"leeway unset, beyond the bound ignored", bounded, Options{Now: now, Leeway: time.Hour}, ""},
		{"negative within the bound", boundedNegative, lw(-10 * time.Minute), ""},
		{"negative beyond the bound", boundedNegative, lw(-11 * time.Minute), FeatureLeewayBeyondMax},
		{"negative checked before the bound", bounded, lw(-11 * time.Minute), FeatureNegativeLeeway},
		{"sub-second clock", leeway, Options{Now: now.Add(time.Millisecond)}, FeatureSubSecondClock},
		{"required claim", leeway, Options{Now: now, Require: []Claim{Exp}}, FeatureRequireExp},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, lacks := Lacks(tc.a, tc.o)
			if lacks != (tc.want != "") || got != tc.want {
				t.Errorf("Lacks(%+v) = %q, %t; want %q, %t", tc.o, got, lacks, tc.want, tc.want != "")
			}
		})
	}
}

func TestAlgorithms(t *testing.T) {
	t.Parallel()
	if got, want := Algorithms(fakeAdapter{}), []string{DefaultAlgorithm}; !slices.Equal(got, want) {
		t.Errorf("Algorithms(no declaration) = %q, want %q", got, want)
	}
	if got, want := Algorithms(asymmetricAdapter{}), []string{"RS256", "ES256"}; !slices.Equal(got, want) {
		t.Errorf("Algorithms(declared) = %q, want %q", got, want)
	}
}

func TestMaxLeeway(t *testing.T) {
	t.Parallel()
	if d, ok := MaxLeeway(fakeAdapter{}); ok {
		t.Errorf("MaxLeeway(no bound) = %s, true; want false", d)
	}
	if d, ok := MaxLeeway(boundedAdapter{}); !ok || d != 10*time.Minute {
		t.Errorf("MaxLeeway(bounded) = %s, %t; want 10m0s, true", d, ok)
	}
}

// deprecatedAdapter declares its library archived.
type deprecatedAdapter struct{ fakeAdapter }

func (deprecatedAdapter) Deprecated() string { return "archived" }

func TestDeprecationNote(t *testing.T) {
	t.Parallel()
	if note, ok := DeprecationNote(fakeAdapter{}); ok {
		t.Errorf("DeprecationNote(no declaration) = %q, true; want false", note)
	}
	if note, ok := DeprecationNote(deprecatedAdapter{}); !ok || note != "archived" {
		t.Errorf("DeprecationNote(declared) = %q, %t; want archived, true", note, ok)
	}
}
