// Package report turns conformance results into the suite's three reports
// and compares two runs. It runs no library: its input is what the
// conformance package measured.
//
//   - results.json, the source of truth: a versioned, sorted, byte-stable
//     Document (see SCHEMA.md and results.schema.json), written by Encode
//     and read back by Decode.
//   - report.md, sized for a GitHub job summary: WriteMarkdown.
//   - report.html, one self-contained page that opens with the root causes
//     per library and the acceptance timeline, then the vectors × adapters
//     matrix: WriteHTML.
//
// Build assembles a Document from the results of the vectors and,
// optionally, of the properties, resource measurements and fuzz findings;
// Diff compares two Documents for the upgrade gate; TokenReport is what
// `jwtconform check` and `jwtconform verify` print about one token.
package report
