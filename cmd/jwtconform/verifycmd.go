package main

import (
	"bytes"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"errors"
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
	if raw == "" {
		return fmt.Errorf("%w: verify: the TOKEN is empty", errUsage)
	}
	// A token that is not a well-formed compact JWS is still put to every
	// library: each gives a verdict on it, and that is what is measured.
	// Only what leaves nothing to verify is refused as bad input.
	tok, malformed := parseCompact(raw)
	if errors.Is(malformed, errUnsigned) {
		return fmt.Errorf("%w: verify: %v", errUsage, malformed)
	}
	keyBytes, err := os.ReadFile(*keyPath)
	if err != nil {
		return fmt.Errorf("%w: -key: %v", errUsage, err)
	}
	var pub crypto.PublicKey
	if tok.alg != "" {
		pub, err = jws.ParseKey(keyBytes, tok.alg, tok.kid)
	} else {
		// No readable alg: the key file says which algorithm the
		// libraries are asked to verify with.
		if pub, err = jws.ParseAnyKey(keyBytes, tok.kid); err == nil {
			tok.alg = jws.KeyAlg(pub)
		}
	}
	if err != nil {
		return fmt.Errorf("%w: -key %s: %v", errUsage, *keyPath, err)
	}
	chk, err := cf.check(fs)
	if err != nil {
		return err
	}
	tc := tokenCase{
		token: raw, alg: tok.alg, header: tok.header, payload: tok.payload, check: chk,
		key: adapters.Key{Alg: tok.alg, Public: pub},
	}
	if secret, ok := pub.([]byte); ok {
		if least, ok := jws.HMACMinKeyBytes(tok.alg); ok && len(secret) < least {
			tc.shortKey = true
			tc.hints = append(tc.hints, fmt.Sprintf("the %s secret is %d bytes, shorter than the %d-byte hash output RFC 7518 3.2 requires: a library may refuse it (class key, graded policy)", tok.alg, len(secret), least))
		}
	}
	switch {
	case malformed != nil:
		tc.malformed = malformed.Error()
		if paddedOnly(raw) {
			// Signed as written: over the padded segments, with a
			// signature that may be padded too.
			sig, err := base64.URLEncoding.DecodeString(raw[strings.LastIndex(raw, ".")+1:])
			if err != nil {
				sig = tok.signature
			}
			tc.padded = jws.VerifySignature(tok.alg, pub, tok.signingInput, sig) == nil
		}
	default:
		if err := jws.VerifySignature(tok.alg, pub, tok.signingInput, tok.signature); err != nil {
			tc.badSignature = err.Error()
			if h := newlineHint(tok, pub); h != "" {
				tc.hints = append(tc.hints, h)
			}
		}
	}
	return judgeAndPrint(out, cf, tc)
}

// newlineHint explains a signature that does not verify with a secret
// ending in a newline, the mark of a file written with echo: -key takes
// the file's exact bytes, as the libraries do, so the verdicts stand, but
// the user most likely meant the secret without it.
func newlineHint(tok compactToken, key crypto.PublicKey) string {
	secret, ok := key.([]byte)
	if !ok || !bytes.HasSuffix(secret, []byte("\n")) {
		return ""
	}
	const what = "the secret file ends with a newline (written with echo?) and -key uses its exact bytes"
	trimmed := bytes.TrimRight(secret, "\r\n")
	if len(trimmed) > 0 && jws.VerifySignature(tok.alg, trimmed, tok.signingInput, tok.signature) == nil {
		return what + "; without the newline the signature verifies: write the file with printf '%s' or echo -n"
	}
	return what + "; the signature does not verify without the newline either"
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
	header       []byte
	payload      []byte
	signingInput []byte
	signature    []byte
}

// errUnsigned marks a token whose header says it is unsigned: there is no
// signature to verify with the key the user gave.
var errUnsigned = errors.New("an unsigned token cannot be verified")

// parseCompact splits a compact JWS and decodes its header, payload and
// signature. On a token that is not well formed (RFC 7515 7.1: three
// base64url parts without padding, a JSON header naming its alg) it says
// why, and still returns what a lenient reading finds, so that the
// libraries can be asked with the key the header names and the payload
// can be shown.
func parseCompact(token string) (compactToken, error) {
	var t compactToken
	parts := strings.Split(token, ".")
	var malformed error
	if len(parts) != 3 {
		malformed = fmt.Errorf("not a compact JWS: want three dot-separated parts, got %d", len(parts))
	}
	header, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil {
		malformed = cmpErr(malformed, fmt.Errorf("header is not base64url without padding: %v", err))
		header, _ = lenientBase64(parts[0])
	}
	t.header = header
	var h struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
	}
	if err := json.Unmarshal(header, &h); err != nil {
		malformed = cmpErr(malformed, fmt.Errorf("header is not a JSON object with a string alg: %v", err))
		h.Alg, h.Kid = "", ""
	}
	switch {
	case strings.EqualFold(h.Alg, "none"):
		return t, fmt.Errorf("header alg %q: %w", h.Alg, errUnsigned)
	case h.Alg == "" && malformed == nil:
		malformed = errors.New("header names no alg, which RFC 7515 4.1.1 requires")
	}
	t.alg, t.kid = h.Alg, h.Kid
	if len(parts) < 2 {
		return t, malformed
	}
	if t.payload, err = base64.RawURLEncoding.DecodeString(parts[1]); err != nil {
		malformed = cmpErr(malformed, fmt.Errorf("payload is not base64url without padding: %v", err))
		t.payload, _ = lenientBase64(parts[1])
	}
	if len(parts) == 3 {
		if t.signature, err = base64.RawURLEncoding.DecodeString(parts[2]); err != nil {
			malformed = cmpErr(malformed, fmt.Errorf("signature is not base64url without padding: %v", err))
		}
	}
	t.signingInput = []byte(parts[0] + "." + parts[1])
	return t, malformed
}

// paddedOnly reports whether the token's one fault is '=' padding on its
// base64url segments (RFC 7515 2): each segment is correctly padded
// base64url, and without the padding the token is well formed.
func paddedOnly(token string) bool {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || !strings.Contains(token, "=") {
		return false
	}
	for i, p := range parts {
		trimmed := strings.TrimRight(p, "=")
		if p != trimmed {
			if _, err := base64.URLEncoding.DecodeString(p); err != nil {
				return false
			}
		}
		parts[i] = trimmed
	}
	_, err := parseCompact(strings.Join(parts, "."))
	return err == nil
}

// cmpErr is the first of two errors that is not nil: the first thing
// wrong with a token is the one reported.
func cmpErr(first, next error) error {
	if first != nil {
		return first
	}
	return next
}

// lenientBase64 decodes s as base64url or base64, padded or not: only to
// read a malformed token's header and show its payload, never to judge it.
func lenientBase64(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	if b, err := base64.RawURLEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.RawStdEncoding.DecodeString(s)
}
