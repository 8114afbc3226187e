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

// TestDocPages checks that every rule of the catalog has a page in
// docs/rules, that the page agrees with the code on ID, name and severity,
// that it is exactly what go generate writes, and that no page is left for
// a rule that does not exist. The structure of the docs themselves is
// checked by TestDocStructure.
func TestDocPages(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	for _, r := range rules.Catalog {
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
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		id := strings.TrimSuffix(e.Name(), ".md")
		if rules.Lookup(id) == nil {
			t.Errorf("docs/rules/%s has no rule", e.Name())
		}
	}
}

// TestDocStructure checks every rule's documentation with lint.CheckDoc:
// the sections of lint.DocSections in order and non-empty, a failing and a
// fixed example that parse as HCL, a suppression example for the rule, and
// a list of links.
func TestDocStructure(t *testing.T) {
	t.Parallel()
	for _, r := range rules.Catalog {
		if err := lint.CheckDoc(r); err != nil {
			t.Error(err)
		}
	}
}
