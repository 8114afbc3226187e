package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

var headerRE = regexp.MustCompile(`(?m)^# (SPW\d{3}): ([a-z0-9-]+)\n\n- \*\*Severity:\*\* (high|medium|low)`)

// TestDocPages checks that every rule has a page in docs/rules, that the
// page agrees with the code on ID, name and severity, that it is exactly
// what go generate writes, and that no page is left for a rule that does
// not exist.
func TestDocPages(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	for _, r := range append([]*lint.Rule{lint.SPW000}, rules.All...) {
		b, err := os.ReadFile(filepath.Join(dir, r.ID+".md"))
		if err != nil {
			t.Errorf("%s has no documentation page: %v (run go generate ./rules)", r.ID, err)
			continue
		}
		m := headerRE.FindStringSubmatch(string(b))
		if m == nil {
			t.Errorf("%s.md has no header of the form '# SPWnnn: name' and a severity line", r.ID)
			continue
		}
		if m[1] != r.ID || m[2] != r.Name || m[3] != r.Severity.String() {
			t.Errorf("%s.md says %s %s %s; the code says %s %s %s", r.ID, m[1], m[2], m[3], r.ID, r.Name, r.Severity)
		}
		if string(b) != r.Page() {
			t.Errorf("%s.md is out of date (run go generate ./rules):\n%s", r.ID, golden.Diff(string(b), r.Page()))
		}
		for _, section := range []string{"## What it detects", "## Why it matters", "## Example", "## Suppressing", "## References", "```hcl", "https://docs.aws.amazon.com/"} {
			if !strings.Contains(string(b), section) {
				t.Errorf("%s.md lacks %q", r.ID, section)
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		id := strings.TrimSuffix(e.Name(), ".md")
		if rules.ByID(id) == nil && id != lint.SPW000.ID {
			t.Errorf("docs/rules/%s has no rule", e.Name())
		}
	}
}
