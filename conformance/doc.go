// Package conformance judges what a library does with a token: it runs
// each vector through an adapter in both modes (harness), predicts the
// outcome from the adapter's profile (the oracle's model with the
// profile's presets and parameters), grades every departure from the RFC
// and keeps the record of what was seen. It holds the profiles and records,
// the must-hold checks no profile can waive, severities, profile
// inference, and the result types the report renders.
//
// It links neither testing nor rapid, so the report and the command can
// use it: package conformancetest holds Run for go test, and package
// properties the rapid laws, whose results go test records and the
// command reads back (RecordedProperties).
package conformance
