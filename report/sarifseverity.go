package report

import "github.com/spillway-iac/spillway/lint"

// withSecuritySeverity adds a result's own security-severity (and
// problem.severity) to its properties: GitHub code scanning ranks a
// result by the rule's security-severity unless the result gives one,
// so a finding escalated above (or lowered below) its rule's default
// severity must say so itself.
func withSecuritySeverity(props map[string]any, s lint.Severity) map[string]any {
	if props == nil {
		props = map[string]any{}
	}
	props["security-severity"] = SecuritySeverity(s)
	props["problem.severity"] = SARIFLevel(s)
	return props
}
