package adapters

// Deprecation is implemented by an adapter whose library is deprecated,
// archived or otherwise no longer maintained, so that a report can say so
// beside its results. It is optional, like AlgorithmLister; read it
// through DeprecationNote.
type Deprecation interface {
	// Deprecated is a one-line note: the library's status and, where
	// there is one, its successor.
	Deprecated() string
}

// DeprecationNote is a's deprecation note, and whether it has one.
func DeprecationNote(a Adapter) (string, bool) {
	if d, ok := a.(Deprecation); ok {
		if note := d.Deprecated(); note != "" {
			return note, true
		}
	}
	return "", false
}
