package config

// RequireForeignReasons reports require_reason_for_foreign_ignores: when
// true, an ignore comment of another scanner (checkov:skip,
// trivy:ignore, tfsec:ignore) without a reason suppresses nothing and is
// an SPW000 finding, as a spillway:ignore without one is. By default such
// comments suppress the matching spillway rule without a reason.
func (c *Config) RequireForeignReasons() bool {
	return c != nil && c.requireForeignReasons
}
