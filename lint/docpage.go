package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclparse"
)

// DocSections are the sections of a rule's Doc, in order, each a "## "
// heading. Every one is required and none may be empty:
//
//   - What it detects: the exact condition.
//   - Why it matters: the failure it leads to.
//   - Example: a paragraph starting "Failing:" followed by an HCL code
//     block, then a paragraph starting "Fixed:" followed by an HCL code
//     block; more prose may follow. Every HCL block of the section parses.
//   - Suppressing: an HCL code block with a spillway:ignore directive for
//     the rule with a reason (a rule of the suppressions family, which
//     cannot be suppressed with a comment, says what to do instead).
//   - References: a list of links, "- [title](https://...)".
//
// Page adds a generated Settings section before References for a rule
// with settings.
var DocSections = []string{"What it detects", "Why it matters", "Example", "Suppressing", "References"}

// DocSection is one "## " section of a rule's documentation.
type DocSection struct {
	// Title is the heading without "## ".
	Title string
	// Body is the text up to the next heading, without surrounding blank
	// lines.
	Body string
}

// ParseDoc splits Markdown into the text before the first "## " heading
// and the "## " sections. Headings inside fenced code blocks do not count.
func ParseDoc(doc string) (preamble string, sections []DocSection) {
	var cur *DocSection
	var body []string
	flush := func() {
		text := strings.Trim(strings.Join(body, "\n"), "\n")
		if cur == nil {
			preamble = text
		} else {
			cur.Body = text
			sections = append(sections, *cur)
		}
		body = nil
	}
	fenced := false
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if title, ok := strings.CutPrefix(line, "## "); ok && !fenced {
			flush()
			cur = &DocSection{Title: strings.TrimSpace(title)}
			continue
		}
		body = append(body, line)
	}
	flush()
	return preamble, sections
}

// docBlock is a paragraph or a fenced code block of a section.
type docBlock struct {
	// lang is the info string of a code block ("hcl"); text is the
	// paragraph or the code.
	lang, text string
	code       bool
}

// blocksOf splits a section body into paragraphs and fenced code blocks.
func blocksOf(body string) ([]docBlock, error) {
	var out []docBlock
	var cur []string
	var fence *docBlock
	endPara := func() {
		if len(cur) > 0 {
			out = append(out, docBlock{text: strings.Join(cur, "\n")})
			cur = nil
		}
	}
	for _, line := range strings.Split(body, "\n") {
		switch {
		case fence != nil && strings.TrimSpace(line) == "```":
			fence.text = strings.Join(cur, "\n") + "\n"
			out = append(out, *fence)
			fence, cur = nil, nil
		case fence != nil:
			cur = append(cur, line)
		case strings.HasPrefix(line, "```"):
			endPara()
			fence = &docBlock{code: true, lang: strings.TrimSpace(line[3:])}
		case strings.TrimSpace(line) == "":
			endPara()
		default:
			cur = append(cur, line)
		}
	}
	if fence != nil {
		return nil, fmt.Errorf("a code block is not closed")
	}
	endPara()
	return out, nil
}

var referencePattern = regexp.MustCompile(`^- \[[^\]]+\]\(https://[^\s)]+\)$`)

// CheckDoc checks that a rule's Doc has the structure of DocSections:
// nothing before the first section, every section present, in order,
// non-empty, and the content each section requires.
func CheckDoc(r *Rule) error {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("rule %s: doc: %s", r.ID, fmt.Sprintf(format, a...))
	}
	doc := strings.TrimSpace(r.Doc)
	if _, err := blocksOf(doc); err != nil {
		return fail("%v", err)
	}
	preamble, sections := ParseDoc(doc)
	if preamble != "" {
		return fail("text before the first section; start with ## %s", DocSections[0])
	}
	titles := make([]string, len(sections))
	for i, s := range sections {
		titles[i] = s.Title
	}
	if !slices.Equal(titles, DocSections) {
		return fail("the sections are %q; want %q", titles, DocSections)
	}
	for _, s := range sections {
		if s.Body == "" {
			return fail("section %q is empty", s.Title)
		}
		blocks, err := blocksOf(s.Body)
		if err != nil {
			return fail("section %q: %v", s.Title, err)
		}
		switch s.Title {
		case "Example":
			err = checkExample(r, blocks)
		case "Suppressing":
			err = checkSuppressing(r, blocks)
		case "References":
			for _, line := range strings.Split(s.Body, "\n") {
				if line != "" && !referencePattern.MatchString(line) {
					err = fmt.Errorf("%q is not a link of the form - [title](https://...)", line)
					break
				}
			}
		}
		if err != nil {
			return fail("section %q: %v", s.Title, err)
		}
	}
	return nil
}

// checkExample wants a "Failing:" paragraph followed by an HCL block, then
// a "Fixed:" paragraph followed by an HCL block, and every HCL block to
// parse.
func checkExample(r *Rule, blocks []docBlock) error {
	next := 0
	for _, label := range []string{"Failing:", "Fixed:"} {
		i := slices.IndexFunc(blocks[next:], func(b docBlock) bool { return !b.code && strings.HasPrefix(b.text, label) })
		if i < 0 {
			return fmt.Errorf("no paragraph starting %q (after the previous example)", label)
		}
		i += next
		if i+1 >= len(blocks) || !blocks[i+1].code || blocks[i+1].lang != "hcl" {
			return fmt.Errorf("the %q paragraph is not followed by an hcl code block", label)
		}
		next = i + 2
	}
	for i, b := range blocks {
		if !b.code {
			continue
		}
		if b.lang != "hcl" {
			return fmt.Errorf("code block %d is %q, want hcl", i+1, b.lang)
		}
		name := fmt.Sprintf("%s-example-%d.tf", r.ID, i+1)
		if _, diags := hclparse.NewParser().ParseHCL([]byte(b.text), name); diags.HasErrors() {
			return fmt.Errorf("the hcl code block does not parse: %s", diags.Error())
		}
	}
	return nil
}

// checkSuppressing wants an HCL block holding a valid spillway:ignore for
// the rule, with a reason. A rule of the suppressions family cannot be
// suppressed with a comment, so its section only has to be non-empty.
func checkSuppressing(r *Rule, blocks []docBlock) error {
	if r.ID[3] == '0' {
		return nil
	}
	for _, b := range blocks {
		if !b.code || b.lang != "hcl" {
			continue
		}
		ds, _ := ParseDirectives(r.ID+"-suppressing.tf", []byte(b.text))
		for _, d := range ds {
			if d.Problem == "" && d.Reason != "" && slices.Contains(d.Rules, r.ID) {
				return nil
			}
		}
	}
	return fmt.Errorf("no hcl code block with a spillway:ignore %s directive that has a reason", r.ID)
}

// insertSection returns doc with s inserted as a "## " section before the
// section titled before (headings in code blocks do not count), or
// appended when there is none.
func insertSection(doc, before string, s DocSection) string {
	rendered := "## " + s.Title + "\n\n" + s.Body + "\n\n"
	lines := strings.SplitAfter(doc, "\n")
	fenced := false
	offset := 0
	for _, line := range lines {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if !fenced && strings.TrimRight(line, "\n") == "## "+before {
			return doc[:offset] + rendered + doc[offset:]
		}
		offset += len(line)
	}
	return doc + "\n\n" + strings.TrimSuffix(rendered, "\n\n")
}
