package glob_test

import (
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/glob"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"a/*.tf", "a/main.tf", true},
		{"a/*.tf", "a/b/main.tf", false},
		{"a/**/main.tf", "a/main.tf", true},
		{"a/**/main.tf", "a/b/c/main.tf", true},
		{"**", "any/depth/at/all", true},
		{"**/**/**/x", "x", true},
		{"**/**/**/x", "a/b/y", false},
		{"./legacy/../legacy/*", "legacy/main.tf", true},
		{"env?/[ab]", "env1/a", true},
		{"env?/[ab]", "env10/a", false},
		{"a", "a/b", false},
	} {
		p, err := glob.Compile(tc.pattern)
		if err != nil {
			t.Fatalf("Compile(%q): %v", tc.pattern, err)
		}
		if got := p.Match(strings.Split(tc.path, "/")); got != tc.want {
			t.Errorf("%q matches %q = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

func TestCompileRejectsBadSyntax(t *testing.T) {
	for _, p := range []string{"a/[b", "**/[", `x\`} {
		if _, err := glob.Compile(p); err == nil {
			t.Errorf("Compile(%q) accepted an invalid pattern", p)
		}
	}
}

// TestManyStarsStayFast would take exponential time if repeated "**"
// segments were not collapsed.
func TestManyStarsStayFast(t *testing.T) {
	p, err := glob.Compile(strings.Repeat("**/", 40) + "x")
	if err != nil {
		t.Fatal(err)
	}
	if p.Match(strings.Split(strings.Repeat("a/", 40)+"y", "/")) {
		t.Error("matched a path that does not end in x")
	}
}
