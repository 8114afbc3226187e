package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// validDoc has the structure of lint.DocSections.
const validDoc = "## What it detects\n\nA thing.\n\n" +
	"## Why it matters\n\nIt breaks.\n\n" +
	"## Example\n\nFailing:\n\n```hcl\nresource \"aws_lambda_function\" \"f\" {}\n```\n\n" +
	"Fixed:\n\n```hcl\nresource \"aws_lambda_function\" \"f\" {\n  timeout = 3\n}\n```\n\nMore prose.\n\n" +
	"## Suppressing\n\n```hcl\n# spillway:ignore SPW100 reason=\"fine\"\nresource \"aws_lambda_function\" \"f\" {\n```\n\n" +
	"## References\n\n- [Lambda](https://docs.aws.amazon.com/lambda/)\n"

// validRule returns a rule that Validate accepts.
func validRule(id, name string) *lint.Rule {
	return &lint.Rule{
		ID: id, Name: name, Severity: lint.Medium, Summary: "s",
		Doc:   strings.ReplaceAll(validDoc, "SPW100", id),
		Check: func(*lint.Pass) error { return nil },
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(rs []*lint.Rule)
		want   string
	}{
		{"ok", func([]*lint.Rule) {}, ""},
		{"bad id", func(rs []*lint.Rule) { rs[1].ID = "X1" }, "ID must look like"},
		{"no family", func(rs []*lint.Rule) { rs[1].ID = "SPW900" }, "in no family"},
		{"unsorted", func(rs []*lint.Rule) { rs[1].ID = "SPW050" }, "sorted"},
		{"duplicate id", func(rs []*lint.Rule) { rs[1].ID = "SPW100" }, "duplicate ID"},
		{"duplicate name", func(rs []*lint.Rule) { rs[1].Name = rs[0].Name }, "duplicate name"},
		{"not kebab", func(rs []*lint.Rule) { rs[1].Name = "Not_Kebab" }, "kebab-case"},
		{"no summary", func(rs []*lint.Rule) { rs[1].Summary = " " }, "empty summary"},
		{"no doc", func(rs []*lint.Rule) { rs[1].Doc = "" }, "empty doc"},
		{"unstructured doc", func(rs []*lint.Rule) { rs[1].Doc = "d" }, "text before the first section"},
		{"no check", func(rs []*lint.Rule) { rs[1].Check = nil }, "nil check"},
		{"no check in the suppressions family", func(rs []*lint.Rule) {
			rs[0].ID, rs[0].Check = "SPW000", nil
			rs[0].Doc = strings.ReplaceAll(rs[0].Doc, "SPW100", "SPW000")
		}, ""},
		{"no severity", func(rs []*lint.Rule) { rs[1].Severity = 0 }, "invalid severity"},
		{"setting", func(rs []*lint.Rule) {
			rs[1].Settings = []*lint.Setting{{Name: "limit", Doc: "A limit.", Default: 5, Min: 1}}
		}, ""},
		{"setting not snake_case", func(rs []*lint.Rule) {
			rs[1].Settings = []*lint.Setting{{Name: "Limit", Doc: "A limit.", Default: 5, Min: 1}}
		}, "not snake_case"},
		{"setting without doc", func(rs []*lint.Rule) {
			rs[1].Settings = []*lint.Setting{{Name: "limit", Default: 5, Min: 1}}
		}, "empty doc"},
		{"setting default below its minimum", func(rs []*lint.Rule) {
			rs[1].Settings = []*lint.Setting{{Name: "limit", Doc: "A limit.", Default: 0, Min: 1}}
		}, "below the minimum"},
		{"setting with two owners", func(rs []*lint.Rule) {
			s := &lint.Setting{Name: "limit", Doc: "A limit.", Default: 5, Min: 1}
			rs[0].Settings, rs[1].Settings = []*lint.Setting{s}, []*lint.Setting{s}
		}, "already declared by SPW100"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rs := []*lint.Rule{validRule("SPW100", "rule-one"), validRule("SPW200", "other-rule")}
			c.mutate(rs)
			err := lint.Validate(rs)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestFamily(t *testing.T) {
	t.Parallel()
	for id, want := range map[string]string{
		"SPW000": "suppressions", "SPW101": "async", "SPW299": "concurrency", "SPW303": "wiring",
		"SPW407": "front door", "SPW506": "monitoring", "SPW601": "", "SPW1": "", "XYZ101": "",
	} {
		if got := (&lint.Rule{ID: id}).Family(); got != want {
			t.Errorf("Family of %s = %q, want %q", id, got, want)
		}
	}
}

// TestCheckDoc checks that each departure from the structure is caught,
// with the section it is in.
func TestCheckDoc(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, old, new, want string
	}{
		{"ok", "", "", ""},
		{"preamble", "## What it detects", "Intro.\n\n## What it detects", "text before the first section"},
		{"missing section", "## Why it matters\n\nIt breaks.\n\n", "", `the sections are`},
		{"out of order", "## Why it matters\n\nIt breaks.\n\n## Example", "## Example", `the sections are`},
		{"extra section", "## References", "## Notes\n\nx\n\n## References", `the sections are`},
		{"empty section", "It breaks.", "", `section "Why it matters" is empty`},
		{"no failing example", "Failing:", "Bad:", `no paragraph starting "Failing:"`},
		{"no fixed example", "Fixed:", "Good:", `no paragraph starting "Fixed:"`},
		{"fixed before failing", "Failing:\n\n```hcl\nresource \"aws_lambda_function\" \"f\" {}\n```\n\nFixed:", "Fixed:\n\n```hcl\nresource \"aws_lambda_function\" \"f\" {}\n```\n\nFailing:", `no paragraph starting "Fixed:"`},
		{"fixed in prose only", "Fixed:\n\n```hcl\nresource \"aws_lambda_function\" \"f\" {\n  timeout = 3\n}\n```", "Fixed: set the timeout.", `"Fixed:" paragraph is not followed by an hcl code block`},
		{"example not hcl", "Failing:\n\n```hcl", "Failing:\n\n```json", `"Failing:" paragraph is not followed by an hcl code block`},
		{"example does not parse", "timeout = 3", "timeout = ", "does not parse"},
		{"unclosed code block", "(https://docs.aws.amazon.com/lambda/)", "(https://docs.aws.amazon.com/lambda/)\n\n```hcl\nx = 1", "not closed"},
		{"code block swallows a heading", "More prose.", "```hcl\nx = 1", "the sections are"},
		{"suppression for another rule", "spillway:ignore SPW100", "spillway:ignore SPW101", "no hcl code block with a spillway:ignore SPW100"},
		{"suppression without a reason", ` reason="fine"`, "", "no hcl code block with a spillway:ignore SPW100"},
		{"reference not a link", "- [Lambda](https://docs.aws.amazon.com/lambda/)", "See the Lambda docs.", "is not a link"},
		{"reference over http", "https://docs", "http://docs", "is not a link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := validRule("SPW100", "rule-one")
			if c.old != "" {
				if !strings.Contains(r.Doc, c.old) {
					t.Fatalf("the doc has no %q", c.old)
				}
				r.Doc = strings.Replace(r.Doc, c.old, c.new, 1)
			}
			err := lint.CheckDoc(r)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestPageSettings checks that a rule's page documents its settings in a
// section before the references, and that a page without settings is the
// header followed by the doc unchanged.
func TestPageSettings(t *testing.T) {
	t.Parallel()
	r := validRule("SPW100", "rule-one")
	plain := r.Page()
	if !strings.HasSuffix(plain, "\n\n"+strings.TrimSpace(validDoc)+"\n") || strings.Contains(plain, "## Settings") {
		t.Errorf("page without settings:\n%s", plain)
	}
	r.Settings = []*lint.Setting{
		{Name: "limit", Doc: "The limit.", Default: 1000, Min: 1},
		{Name: "factor", Doc: "The factor.", Default: 6, Min: 2},
	}
	page := r.Page()
	want := "## Settings\n\n" +
		"- `limit` (default 1000, at least 1): The limit.\n" +
		"- `factor` (default 6, at least 2): The factor.\n\n" +
		"Set them in the `settings` block of `.spillway.hcl`:\n\n" +
		"```hcl\nsettings {\n  limit  = 1000\n  factor = 6\n}\n```\n\n" +
		"## References\n"
	if !strings.Contains(page, want) {
		t.Errorf("page lacks\n%s\ngot:\n%s", want, page)
	}
	if err := lint.CheckDoc(&lint.Rule{ID: r.ID, Doc: strings.SplitN(page, "\n\ns\n\n", 2)[1]}); err == nil || !strings.Contains(err.Error(), "the sections are") {
		t.Errorf("the Settings section is generated, not part of the doc's structure: %v", err)
	}
}

// TestPassInt checks that a setting reads as its configured value, else
// its default.
func TestPassInt(t *testing.T) {
	t.Parallel()
	limit := &lint.Setting{Name: "limit", Doc: "The limit.", Default: 1000, Min: 1}
	var got []int64
	r := validRule("SPW100", "rule-one")
	r.Settings = []*lint.Setting{limit}
	r.Check = func(p *lint.Pass) error {
		got = append(got, p.Int(limit))
		return nil
	}
	for _, s := range []lint.Settings{nil, {"other": 3}, {"limit": 3000}} {
		_, _, _ = lint.RunGraph(&graph.Graph{}, ".", []*lint.Rule{r}, s)
	}
	if want := []int64{1000, 1000, 3000}; !slices.Equal(got, want) {
		t.Errorf("Int = %v, want %v", got, want)
	}
}
