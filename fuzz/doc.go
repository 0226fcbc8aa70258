// Package fuzz holds the suite's native Go fuzz targets and what they
// share: the robustness probe (panic, timeout, allocation blow-up), the
// differential check of every adapter against its profile, the table of
// known findings, and a reader of the committed corpus for the report.
//
// The targets live in *_test.go files, one per file, and use only this
// package's non-test code, so that ClusterFuzzLite's
// compile_native_go_fuzzer, which compiles one target file at a time
// outside the test build, can build each of them (see .clusterfuzzlite/).
// For the same reason a target's name appears in no other file of this
// directory.
//
//	go test ./fuzz                                    # replay seeds and committed regressions
//	go test -run='^$' -fuzz=FuzzX ./fuzz   # fuzz one target, FuzzX
//	go test -run='^$' -fuzz=FuzzX -jwtconform.adapter='jwx/*' ./fuzz
package fuzz
