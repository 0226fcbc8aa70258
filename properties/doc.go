// Package properties states the laws about time claims that must hold for
// every token, clock and leeway, not just the vectors' points, and checks
// them on an adapter with rapid: boundaries, the window as one interval,
// leeway monotone, representation invariance (member order, whitespace,
// number spelling, unrelated claims, name escaping), algorithm invariance,
// issuance across libraries and a stateful model. Its generators draw
// claims sets, clocks and NumericDate spellings near the interesting
// points.
//
// It links rapid and testing, so only tests use it: conformancetest.Run
// records its results, which the command reads back.
package properties
