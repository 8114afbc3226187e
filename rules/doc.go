// Package rules holds spillway's rule catalog: one file per rule, each a
// lint.Rule value, and All, the explicit registry sorted by ID. Rules read
// only the graph; they never read files or flags.
//
// The conditions implement ../shared/spec/rules.md. A rule fires only on
// what the configuration provably says: when a value it needs is unknown it
// records an undetermined check instead.
package rules

//go:generate go run ../internal/gendocs -out ../docs/rules
