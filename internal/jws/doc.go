// Package jws builds compact JWS tokens over exact payload bytes with the
// standard library, so that odd JSON reaches every library unchanged. The
// harness, not an adapter, mints every test token here.
package jws
