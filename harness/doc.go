// Package harness calls a library the way every test does: an option the
// adapter cannot express gives Unsupported without a call, a panic becomes a
// Panic outcome with its stack, and a call past its bound becomes Timeout
// while the suite goes on. Calls run on the goroutine that owns the work
// (Batch), with a watchdog instead of a hand-off per call; Start and Wait
// split a batch so that its caller can work while the calls run. Adapters
// whose clock or settings are package variables are serialised per Global
// key.
//
// It knows adapters and nothing above them: no oracle, no profile, no
// testing, so the report and the command line can link it.
package harness
