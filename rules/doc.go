// Package rules holds spillway's rule catalog: one file per rule, each a
// lint.Rule value, and the explicit registries sorted by ID: All, the
// checks a scan runs (the catalog of spec/rules.md), and Catalog, which
// adds SPW000, the rule suppression problems are reported under. Rules read
// only the graph; they never read files or flags. Each rule's documentation
// is doc/<ID>.md, embedded, in the sections of lint.DocSections; go generate
// renders docs/rules from it.
//
// A family is the hundreds digit of the ID (lint.Rule.Family): SPW0xx
// suppressions, SPW1xx async, SPW2xx concurrency, SPW3xx wiring, SPW4xx
// front door, SPW5xx monitoring.
//
// # Settings
//
// A rule declares the settings its verdicts depend on (lint.Rule.Settings)
// and reads them with lint.Pass.Int; .spillway.hcl's settings block accepts
// exactly the declared names. SPW303 owns visibility_multiplier.
//
// The account concurrency limit (account_concurrency_limit) is read by
// several rules, so where it lives is a choice. It is owned by SPW203, the
// only rule whose findings change with it (it sums the reservations against
// the limit minus 100); SPW201, SPW204, SPW407 and SPW503 pass the same
// *lint.Setting to Pass.Int only to quote the number in their messages.
// One owner gives the setting one name, one default and one place where it
// is documented (SPW203's page), and Validate rejects a second declaration
// of the same name. It is not a scan-level value beside the rule settings:
// that would be a second mechanism for one integer, and the settings block
// is already one flat namespace, so the name users write stays
// account_concurrency_limit either way. The configuration accepts it
// whether or not SPW203 is enabled, because the file is checked against the
// whole catalog.
//
// # One cause, one finding
//
// Rules run independently and never read each other's findings. Where two
// rules would report one cause with one fix, the rule with the more
// specific finding lists the other in lint.Rule.Folds and the engine drops
// the other's finding on the resources the first names as related: SPW407
// (a public function URL of an unreserved function) folds SPW201 on that
// function, which becomes SPW407's related location. This lives in the
// engine rather than in SPW201's condition so that disabling SPW407, or an
// undetermined SPW407, leaves SPW201 reporting as before. The rule
// fixtures run each rule with the rules that fold it.
//
// The conditions implement ../shared/spec/rules.md. A rule fires only on
// what the configuration provably says: when a value it needs is unknown it
// records an undetermined check instead.
package rules

//go:generate go run ../internal/gendocs -out ../docs/rules
