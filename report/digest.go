package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
)

// VectorsDigest is "sha256:" and the hex SHA-256 over every *.json file at
// the root of fsys (vectors.Files()), in sorted name order, each hashed as
// its name, a NUL byte, its length in decimal, a NUL byte and its bytes.
// Two results files with the same digest ran the same vector data.
func VectorsDigest(fsys fs.FS) (string, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return "", fmt.Errorf("report: vectors digest: %w", err)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", fmt.Errorf("report: vectors digest: %w", err)
		}
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(b))))
		h.Write([]byte{0})
		h.Write(b)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}
