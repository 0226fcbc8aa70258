package conformance

import (
	"flag"
	"time"
)

// Flags, namespaced as rapid's are, so they sit beside go test's own.
var (
	updateFlag  = flag.Bool("jwtconform.update", false, "rewrite the recorded outcomes in each profile, keeping its deviations and reasons")
	adapterFlag = flag.String("jwtconform.adapter", "", "glob over adapter names: run only those, such as 'golang-jwt/*'")
	timeoutFlag = flag.Duration("jwtconform.timeout", DefaultTimeout, "bound on one library call; a call that takes longer is a timeout outcome")
)

func callTimeout() time.Duration { return *timeoutFlag }
