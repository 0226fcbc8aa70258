package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jwtconform/jwtconform/adapters"
	"github.com/jwtconform/jwtconform/internal/jws"
)

// verifyToken shows how every adapter and the RFC oracle judge a token
// signed by someone else.
func verifyToken(args []string, out, _ io.Writer) error {
	fs := newFlags("verify")
	var cf clockFlags
	cf.register(fs)
	keyPath := fs.String("key", "", "verification key `FILE`: an HMAC secret (its exact bytes), a JWK or JWK set, or a PEM public key or certificate (required)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("verify", pos, 1, "one TOKEN (or @FILE)"); err != nil {
		return err
	}
	if *keyPath == "" {
		return fmt.Errorf("%w: verify: -key is required", errUsage)
	}
	raw, err := readToken(pos[0])
	if err != nil {
		return err
	}
	tok, err := parseCompact(raw)
	if err != nil {
		return fmt.Errorf("%w: verify: %v", errUsage, err)
	}
	keyBytes, err := os.ReadFile(*keyPath)
	if err != nil {
		return fmt.Errorf("%w: -key: %v", errUsage, err)
	}
	pub, err := jws.ParseKey(keyBytes, tok.alg, tok.kid)
	if err != nil {
		return fmt.Errorf("%w: -key %s: %v", errUsage, *keyPath, err)
	}
	chk, err := cf.check(fs)
	if err != nil {
		return err
	}
	tc := tokenCase{
		token: raw, alg: tok.alg, payload: tok.payload, check: chk,
		key: adapters.Key{Alg: tok.alg, Public: pub},
	}
	if err := jws.VerifySignature(tok.alg, pub, tok.signingInput, tok.signature); err != nil {
		tc.badSignature = err.Error()
	}
	return judgeAndPrint(out, cf, tc)
}

// readToken reads the TOKEN argument: the token itself, or @FILE.
func readToken(arg string) (string, error) {
	name, isFile := strings.CutPrefix(arg, "@")
	if !isFile {
		return strings.TrimSpace(arg), nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("%w: token: %v", errUsage, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// compactToken is a compact JWS taken apart.
type compactToken struct {
	alg, kid     string
	payload      []byte
	signingInput []byte
	signature    []byte
}

// parseCompact splits a compact JWS and decodes its header, payload and
// signature.
func parseCompact(token string) (compactToken, error) {
	var t compactToken
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return t, fmt.Errorf("not a compact JWS: want three dot-separated parts, got %d", len(parts))
	}
	b64 := base64.RawURLEncoding
	header, err := b64.DecodeString(parts[0])
	if err != nil {
		return t, fmt.Errorf("header is not base64url: %v", err)
	}
	var h struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	if err := json.Unmarshal(header, &h); err != nil {
		return t, fmt.Errorf("header is not a JSON object: %v", err)
	}
	if h.Alg == "" || strings.EqualFold(h.Alg, "none") {
		return t, fmt.Errorf("header alg %q: an unsigned token cannot be verified", h.Alg)
	}
	if t.payload, err = b64.DecodeString(parts[1]); err != nil {
		return t, fmt.Errorf("payload is not base64url: %v", err)
	}
	if t.signature, err = b64.DecodeString(parts[2]); err != nil {
		return t, fmt.Errorf("signature is not base64url: %v", err)
	}
	t.alg, t.kid = h.Alg, h.Kid
	t.signingInput = []byte(parts[0] + "." + parts[1])
	return t, nil
}
