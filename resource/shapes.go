package resource

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/jwtconform/jwtconform/internal/jws"
)

// ResourceShape is a family of crafted tokens whose size can be grown: the
// class of golang-jwt CVE-2025-30204 and go-jose CVE-2025-27144, where a
// token made of many dots or one huge segment cost far more than its size.
type ResourceShape struct {
	// Name is the shape's stable name, as ResourceResult.Shape.
	Name string
	// Doc says what the tokens look like.
	Doc string
	// Bound is the most bytes one verification may allocate per byte of
	// the token before the grading calls it a security finding.
	Bound float64
	// Build returns a token of about n bytes (never fewer than the shape's
	// minimum).
	Build func(n int) string
}

// The per-byte bounds. A malformed token (many dots, padding, a signature
// far too long for its algorithm) needs no more than a base64 decode and a
// copy, 0.75 to 2 bytes per byte in the libraries measured; 4 leaves room
// and still flags the 16 bytes of string header per dot that
// strings.Split allocated in CVE-2025-30204 and CVE-2025-27144. A
// well-formed token with a big header or claims set is decoded into maps
// and strings, up to about 40 bytes per byte measured (jwx on many small
// members); 64 leaves room for any reasonable design and flags an
// amplification past it.
const (
	malformedBound  = 4
	wellFormedBound = AllocPerByteBound
)

// resourceExp is the exp of every crafted claims set: valid at the
// measurement clock, so a library that gets that far does all its work.
const resourceExp = `1700003600`

var b64url = base64.RawURLEncoding

// hs256 signs the exact signing input (header and payload segments as
// given, whatever their encoding) with the harness HMAC key.
func hs256(signingInput string) string {
	m := hmac.New(sha256.New, jws.HMACSecret)
	m.Write([]byte(signingInput))
	return signingInput + "." + b64url.EncodeToString(m.Sum(nil))
}

// encodedHeader is the harness's usual protected header, encoded.
var encodedHeader = b64url.EncodeToString(jws.Header("HS256"))

// payloadToken signs a claims set built to make the token about n bytes:
// fill(k) must return a claims set of about k bytes.
func payloadToken(n int, fill func(k int) string) string {
	// The payload segment is 4/3 of the claims set; the header and the
	// signature take the rest.
	overhead := len(encodedHeader) + 2 + 43
	k := max(0, (n-overhead)*3/4)
	return hs256(encodedHeader + "." + b64url.EncodeToString([]byte(fill(k))))
}

// ResourceShapes lists the crafted token families, in a fixed order.
func ResourceShapes() []ResourceShape {
	return []ResourceShape{
		{
			Name:  "many-dots",
			Bound: malformedBound,
			Doc:   "a valid token followed by dots up to the size (golang-jwt CVE-2025-30204, go-jose CVE-2025-27144: splitting on '.' allocated per dot)",
			Build: func(n int) string {
				t := jws.HS256([]byte(`{"exp":` + resourceExp + `}`))
				return t + strings.Repeat(".", max(0, n-len(t)))
			},
		},
		{
			Name:  "huge-header",
			Bound: wellFormedBound,
			Doc:   "a validly signed token whose protected header carries one long string member",
			Build: func(n int) string {
				payload := b64url.EncodeToString([]byte(`{"exp":` + resourceExp + `}`))
				k := max(0, (n-len(payload)-45)*3/4-40)
				header := `{"alg":"HS256","typ":"JWT","x":"` + strings.Repeat("a", k) + `"}`
				return hs256(b64url.EncodeToString([]byte(header)) + "." + payload)
			},
		},
		{
			Name:  "huge-payload",
			Bound: wellFormedBound,
			Doc:   "a validly signed token whose claims set carries one long string member",
			Build: func(n int) string {
				return payloadToken(n, func(k int) string {
					return `{"exp":` + resourceExp + `,"x":"` + strings.Repeat("a", max(0, k-30)) + `"}`
				})
			},
		},
		{
			Name:  "huge-signature",
			Bound: malformedBound,
			Doc:   "a valid header and claims set followed by a signature segment of the size",
			Build: func(n int) string {
				t := jws.HS256([]byte(`{"exp":` + resourceExp + `}`))
				input := t[:strings.LastIndexByte(t, '.')]
				return input + "." + strings.Repeat("A", max(4, n-len(input)-1))
			},
		},
		{
			Name:  "base64-padding",
			Bound: malformedBound,
			Doc:   "a claims segment followed by '=' padding up to the size, the signing input signed as it stands",
			Build: func(n int) string {
				input := encodedHeader + "." + b64url.EncodeToString([]byte(`{"exp":`+resourceExp+`}`))
				return hs256(input + strings.Repeat("=", max(1, n-len(input)-44)))
			},
		},
		{
			Name:  "deep-nesting",
			Bound: wellFormedBound,
			Doc:   "a validly signed claims set with one member nested in arrays as deep as the size allows",
			Build: func(n int) string {
				return payloadToken(n, func(k int) string {
					d := max(1, (k-30)/2)
					return `{"exp":` + resourceExp + `,"x":` + strings.Repeat("[", d) + strings.Repeat("]", d) + `}`
				})
			},
		},
		{
			Name:  "many-members",
			Bound: wellFormedBound,
			Doc:   "a validly signed claims set with as many distinct short members as the size allows",
			Build: func(n int) string {
				return payloadToken(n, func(k int) string {
					var b strings.Builder
					b.WriteString(`{"exp":` + resourceExp)
					for i := 0; b.Len() < k-1; i++ {
						b.WriteString(`,"m` + strconv.Itoa(i) + `":0`)
					}
					b.WriteString("}")
					return b.String()
				})
			},
		},
		{
			Name:  "many-duplicates",
			Bound: wellFormedBound,
			Doc:   "a validly signed claims set repeating the exp member as often as the size allows",
			Build: func(n int) string {
				return payloadToken(n, func(k int) string {
					member := `"exp":` + resourceExp
					count := max(1, k/(len(member)+1))
					return "{" + strings.Repeat(member+",", count-1) + member + "}"
				})
			},
		},
	}
}
