#!/bin/bash -eu
# Builds one libFuzzer binary per native Go fuzz target in fuzz/.
#
# compile_native_go_fuzzer rewrites the one file that defines the target
# (func FuzzX(f *testing.F)) into a non-test file and builds it with
# go-118-fuzz-build, so each target file uses only the package's non-test
# code, and a target's name appears in no other file of fuzz/ (the script
# finds the file with grep). fuzz/build_test.go checks both, and that every
# target is listed here.
#
# The go test seed corpora (fuzz/testdata/fuzz/, "go test fuzz v1" files)
# are not shipped: the libFuzzer binaries read raw bytes through
# go-fuzz-headers, a different encoding. Batch fuzzing grows its own corpus.
cd "$SRC/jwtconform"

# The shim that compile_native_go_fuzzer links against.
go get github.com/AdamKorcz/go-118-fuzz-build/testing

compile_native_go_fuzzer github.com/jwtconform/jwtconform/fuzz FuzzClaims fuzz_claims
compile_native_go_fuzzer github.com/jwtconform/jwtconform/fuzz FuzzToken fuzz_token
compile_native_go_fuzzer github.com/jwtconform/jwtconform/fuzz FuzzHeader fuzz_header
compile_native_go_fuzzer github.com/jwtconform/jwtconform/fuzz FuzzDifferential fuzz_differential
compile_native_go_fuzzer github.com/jwtconform/jwtconform/fuzz FuzzOracle fuzz_oracle
compile_native_go_fuzzer github.com/jwtconform/jwtconform/fuzz FuzzProperties fuzz_properties
