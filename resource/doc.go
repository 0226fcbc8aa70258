// Package resource measures how a library's cost grows with crafted
// tokens (many dots, a huge segment, deep nesting, repeated claims): the
// bytes one verification allocates at growing sizes, the fitted growth and
// a security grade when it grows faster than linearly or passes a bound
// per input byte.
package resource
