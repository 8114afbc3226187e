package report

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/spillway-iac/spillway/lint"
)

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

// srcRoot describes %SRCROOT%: with the source root known, its absolute
// file URI (ending in "/", as SARIF requires of a base URI), so that a
// consumer can resolve result paths wherever spillway ran.
func srcRoot(root string) sarifArtifact {
	if root == "" {
		return sarifArtifact{Description: &sarifText{Text: "The directory spillway was run in; result paths are relative to it."}}
	}
	p := filepath.ToSlash(root)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	u := url.URL{Scheme: "file", Path: p}
	return sarifArtifact{
		URI:         u.String(),
		Description: &sarifText{Text: "The root of the repository (the nearest directory holding .git), else of the config file, the baseline or the scan; result paths are relative to it."},
	}
}
