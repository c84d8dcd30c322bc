package root

// Each top-level noun is listed here, one line each, so concurrent work adds a
// line rather than editing shared code.
func init() {
	nouns = append(nouns)
}
