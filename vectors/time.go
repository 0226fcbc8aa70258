package vectors

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseTime reads a clock written as decimal seconds since the epoch with
// up to nine fractional digits ("1700000000", "-1.5", "1700000000.000000001")
// exactly, without passing through a float.
func ParseTime(s string) (time.Time, error) {
	body, neg := strings.CutPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(body, ".")
	if whole == "" || !digits(whole) || (hasFrac && (frac == "" || !digits(frac))) {
		return time.Time{}, fmt.Errorf("%q is not decimal seconds", s)
	}
	if len(whole) > 1 && whole[0] == '0' {
		return time.Time{}, fmt.Errorf("%q has a leading zero", s)
	}
	if len(frac) > 9 {
		return time.Time{}, fmt.Errorf("%q has more than nine fractional digits", s)
	}
	sec, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %w", s, err)
	}
	var nsec int64
	if frac != "" {
		nsec, _ = strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64)
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}

// FormatTime writes t as decimal seconds, the inverse of ParseTime, with
// no trailing fractional zeros.
func FormatTime(t time.Time) string {
	sec, nsec := t.Unix(), int64(t.Nanosecond())
	if nsec == 0 {
		return strconv.FormatInt(sec, 10)
	}
	sign := ""
	if sec < 0 {
		// time.Time keeps 0 <= nsec < 1e9; write -1.5 rather than -2+0.5.
		sign, sec, nsec = "-", -sec-1, 1e9-nsec
	}
	f := strings.TrimRight(fmt.Sprintf("%09d", nsec), "0")
	return sign + strconv.FormatInt(sec, 10) + "." + f
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
