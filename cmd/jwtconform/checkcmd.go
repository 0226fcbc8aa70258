package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// checkPayload signs a claims set with the harness key and shows how every
// adapter and the RFC oracle judge it.
func checkPayload(args []string, out, _ io.Writer) error {
	fs := newFlags("check")
	var cf clockFlags
	cf.register(fs)
	payloadArg := fs.String("payload", "", "the exact claims set as `JSON`, or @FILE to read it from a file (required)")
	alg := fs.String("alg", adapters.DefaultAlgorithm, "the `ALG` to sign with, using its harness key: "+strings.Join(jws.Algorithms(), ", "))
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
	signer, err := jws.SignerFor(*alg)
	if err != nil {
		return fmt.Errorf("%w: -alg: %v", errUsage, err)
	}
	token, err := jws.Sign(signer, payload)
	if err != nil {
		return err
	}
	return judgeAndPrint(out, cf, tokenCase{
		token: token, alg: signer.Alg, payload: payload, check: chk,
		key: adapters.Key{Alg: signer.Alg, Public: signer.Public},
	})
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
