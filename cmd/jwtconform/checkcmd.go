package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/conformance"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// checkPayload signs a claims set with the harness keys and shows how
// every adapter and the RFC oracle judge it: each adapter verifies the
// claims signed with the algorithm the harness uses for it (as run signs
// vectors), or with -alg for all, when an adapter that cannot verify it
// is unsupported.
func checkPayload(args []string, out, _ io.Writer) error {
	fs := newFlags("check")
	var cf clockFlags
	cf.register(fs)
	payloadArg := fs.String("payload", "", "the exact claims set as `JSON`, or @FILE to read it from a file (required)")
	alg := fs.String("alg", "", "the `ALG` to sign with for every adapter, using its harness key: "+strings.Join(jws.Algorithms(), ", ")+" (default: the one the harness uses for each adapter, the first it declares)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("check", pos, 0, "no arguments besides the flags"); err != nil {
		return err
	}
	payload, err := readPayload(*payloadArg)
	if err != nil {
		return err
	}
	chk, err := cf.check(fs)
	if err != nil {
		return err
	}
	tc := tokenCase{payload: payload, check: chk}
	if *alg == "" {
		// Each adapter gets a token signed as the runner signs its
		// vectors; adapters of one algorithm share one token.
		tokens := map[string]adapterToken{}
		tc.forAdapter = func(a adapters.Adapter) (adapterToken, error) {
			alg, ok := conformance.SigningAlg(a)
			if !ok {
				_, _, err := conformance.Sign(a, payload)
				return adapterToken{unsupported: err.Error()}, nil
			}
			if at, ok := tokens[alg]; ok {
				return at, nil
			}
			token, key, err := conformance.Sign(a, payload)
			if err != nil {
				return adapterToken{}, err
			}
			tokens[alg] = adapterToken{token: token, alg: alg, key: key}
			return tokens[alg], nil
		}
		return judgeAndPrint(out, cf, tc)
	}
	signer, err := jws.SignerFor(*alg)
	if err != nil {
		return fmt.Errorf("%w: -alg: %v", errUsage, err)
	}
	if tc.token, err = jws.Sign(signer, payload); err != nil {
		return err
	}
	tc.alg, tc.key = signer.Alg, adapters.Key{Alg: signer.Alg, Public: signer.Public}
	return judgeAndPrint(out, cf, tc)
}

// readPayload reads -payload: the claims set itself, or @FILE.
func readPayload(arg string) ([]byte, error) {
	if arg == "" {
		return nil, fmt.Errorf("%w: check: -payload is required (the claims set, or @FILE)", errUsage)
	}
	name, isFile := strings.CutPrefix(arg, "@")
	if !isFile {
		return []byte(arg), nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%w: -payload: %v", errUsage, err)
	}
	return b, nil
}
