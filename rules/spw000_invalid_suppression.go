package rules

import "github.com/spillway-iac/spillway/lint"

// SPW000 is the rule under which problems with suppression comments are
// reported: a malformed directive, a missing reason, an unknown rule ID, an
// expired until= date, or a directive that suppresses nothing. It has no
// check over the graph: lint.ApplySuppressions produces its findings, and
// the scan passes it this value. It is in Catalog, not in All.
var SPW000 = &lint.Rule{
	ID:       "SPW000",
	Name:     "invalid-suppression",
	Severity: lint.Low,
	Summary:  "A spillway:ignore comment is malformed, has no reason, names an unknown rule, has expired, or suppresses nothing.",
	Doc:      doc("SPW000"),
}
