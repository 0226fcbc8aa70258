// Package vectors holds the shared test vectors (JSON files in the
// jwtconform-vectors/v1 schema, embedded) and their typed loader.
//
// A file groups vectors by topic. Each vector carries the exact claims-set
// bytes, a clock reading, a leeway, the claims to require and the RFC 7519
// verdict. The harness, not the file, builds the signed token, so odd JSON
// reaches every library unchanged.
package vectors
