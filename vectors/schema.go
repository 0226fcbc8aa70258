package vectors

// Schema is the schema identifier every vector file must carry.
const Schema = "jwtconform-vectors/v1"

// fileJSON is a vector file as stored; its fields repeat the schema.
type fileJSON struct {
	// Schema must equal Schema.
	Schema string `json:"schema"`
	// Name is the topic of the file; it must equal the file's base name.
	Name string `json:"name"`
	// Notes describes every flag used in the file.
	Notes map[string]string `json:"notes"`
	// Tests are the vectors.
	Tests []testJSON `json:"tests"`
}

// testJSON is one vector as stored.
type testJSON struct {
	// ID is "<file name>/<stable label>", unique and stable forever.
	ID string `json:"id"`
	// Comment says what the vector checks.
	Comment string `json:"comment"`
	// RFC names the clause the verdict comes from, or says why it is silent.
	RFC string `json:"rfc"`
	// Payload is the exact claims-set bytes as a JSON string.
	Payload *string `json:"payload"`
	// PayloadBase64 is the claims set for bytes that are not UTF-8
	// (standard base64 with padding). Exactly one of the two is set.
	PayloadBase64 *string `json:"payloadBase64"`
	// Now is the clock: decimal seconds with up to nine fractional digits.
	Now string `json:"now"`
	// Leeway is a Go duration string such as "0s" or "5m"; a negative one
	// ("-5s") narrows the window and runs only on an adapter that supports
	// adapters.FeatureNegativeLeeway.
	Leeway string `json:"leeway"`
	// Require lists the claims that must be present: exp, nbf, iat.
	Require []string `json:"require"`
	// MaxAge, when set, is a positive Go duration: the explicit mode asks
	// that iat be present and now - iat <= maxAge + leeway, a policy
	// outside RFC 7519. Absent: no maximum age.
	MaxAge string `json:"maxAge,omitempty"`
	// MaxLifetime, when set, is a positive Go duration: the explicit mode
	// asks that exp and iat be present and exp - iat <= maxLifetime +
	// leeway. Absent: no maximum lifetime.
	MaxLifetime string `json:"maxLifetime,omitempty"`
	// Expect is the RFC verdict: accept, reject or either.
	Expect string `json:"expect"`
	// Class is the expected rejection class, for reject verdicts.
	Class string `json:"class"`
	// Flags tag the vector; each must be described in the file's notes.
	Flags []string `json:"flags"`
}
