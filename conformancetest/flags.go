package conformancetest

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/jwtconform/jwtconform/harness"
)

// Flags, namespaced as rapid's are, so they sit beside go test's own. Each
// falls back to an environment variable, as rapid's do (RAPID_SEED), so
// that a CI job or a go test ./... over several packages can set it once:
// JWTCONFORM_UPDATE, JWTCONFORM_ADAPTER, JWTCONFORM_VECTORS,
// JWTCONFORM_PROPERTIES, JWTCONFORM_TIMEOUT and JWTCONFORM_DETAILS. A flag
// given on the command line wins over its variable.
var (
	updateFlag     = flag.Bool("jwtconform.update", envBool("JWTCONFORM_UPDATE", false), "rewrite the record entries of what ran, keeping every other entry and the profiles (env JWTCONFORM_UPDATE)")
	adapterFlag    = flag.String("jwtconform.adapter", envString("JWTCONFORM_ADAPTER", ""), "glob over adapter names: run only those, such as 'golang-jwt/*' (env JWTCONFORM_ADAPTER)")
	vectorsFlag    = flag.String("jwtconform.vectors", envString("JWTCONFORM_VECTORS", ""), "glob over vector ids: run only those, such as 'exp-boundary/*' (env JWTCONFORM_VECTORS)")
	propertiesFlag = flag.Bool("jwtconform.properties", envBool("JWTCONFORM_PROPERTIES", true), "run the rapid property checks in conformancetest.Run (env JWTCONFORM_PROPERTIES)")
	detailsFlag    = newDetails(envString("JWTCONFORM_DETAILS", "20"))
	timeoutFlag    = flag.Duration("jwtconform.timeout", envDuration("JWTCONFORM_TIMEOUT", harness.DefaultTimeout), "bound on one library call; a call that takes longer is a timeout outcome (env JWTCONFORM_TIMEOUT)")
)

func init() {
	flag.Var(detailsFlag, "jwtconform.details", "how many failing results Run details after its summary: a number, or all (env JWTCONFORM_DETAILS)")
}

// details is the value of -jwtconform.details: a count, or -1 for all.
type details int

// newDetails parses the default, from JWTCONFORM_DETAILS when it is set.
func newDetails(s string) *details {
	d := new(details)
	if err := d.Set(s); err != nil {
		panicInvalidEnv("JWTCONFORM_DETAILS", s, err)
	}
	return d
}

func (d *details) String() string {
	if d == nil {
		return "20"
	}
	if *d < 0 {
		return "all"
	}
	return strconv.Itoa(int(*d))
}

func (d *details) Set(s string) error {
	if s == "all" {
		*d = -1
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a number of failures to detail, or all")
	}
	*d = details(n)
	return nil
}

// Updating reports whether -jwtconform.update (or JWTCONFORM_UPDATE) asks
// for recorded data to be rewritten. It is the one spelling of "update"
// across the project: report's tests read it for their golden files rather
// than define an -update of their own.
func Updating() bool { return *updateFlag }

func envString(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envBool(key string, def bool) bool {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		panicInvalidEnv(key, v, err)
	}
	return b
}

func envDuration(key string, def time.Duration) time.Duration {
	v, ok := os.LookupEnv(key)
	if !ok {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		panicInvalidEnv(key, v, err)
	}
	return d
}

// panicInvalidEnv fails at start-up, as rapid does: a mistyped variable
// must not quietly run with the default.
func panicInvalidEnv(key, value string, err error) {
	panic(fmt.Sprintf("[jwtconform] invalid value for %s=%q: %v", key, value, err))
}
