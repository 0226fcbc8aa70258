// Package golangjwt adapts github.com/golang-jwt/jwt/v5 to the adapters
// contract. It offers three verification paths: Parse into the default
// MapClaims (the path the library's README shows), ParseWithClaims into
// RegisteredClaims, and the same with WithIssuedAt, which many users add to
// reject a future iat. Two more paths measure options that change
// verdicts: MapClaims with the parser option WithJSONNumber, and MapClaims
// with the package variable TimePrecision set to a millisecond.
package golangjwt
