// Package fix turns the fix specs rules attach to findings (lint.FixSpec)
// into source edits, applies edits, and prints them as unified diffs.
//
// An edit is the smallest change that adds the missing arguments and
// blocks: an insertion after the last argument of a body or before its
// closing brace, indented like the file, so everything outside the edit
// stays byte for byte as it was (comments and formatting included). A
// single-line block ("scaling_config {}") is the one case that needs a
// replacement: its content between the braces is rewritten on separate
// lines.
//
// A fix is offered only when it is mechanical: JSON files, blocks written
// with dynamic blocks, and arguments that the file already sets (for
// example through an override file the scan merged) get no edit and no
// error.
package fix

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/spillway-iac/spillway/lint"
)

// Compute returns the edits that apply specs to the block of src (the
// file's bytes, filename its name as in the finding) whose range is
// blockRange, the anchored range of a finding. It returns no edit and no
// error when the fix cannot be made mechanically (see the package
// documentation). Edits are sorted and do not overlap; their ranges have
// byte offsets, lines and columns.
func Compute(src []byte, filename string, blockRange hcl.Range, specs []lint.FixSpec) ([]lint.Edit, error) {
	if len(specs) == 0 || isJSON(filename) {
		return nil, nil
	}
	pf, err := parseFile(src, filename)
	if err != nil {
		return nil, err
	}
	return pf.compute(blockRange, specs)
}

// parsedFile is a file parsed and lexed once, for the fixes of every
// finding in it: a file with a thousand fixable blocks is parsed once, not
// a thousand times.
type parsedFile struct {
	src      []byte
	filename string
	body     *hclsyntax.Body
	tokens   hclsyntax.Tokens
}

func parseFile(src []byte, filename string) (*parsedFile, error) {
	file, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse %s: %w", filename, diags)
	}
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	return &parsedFile{src: src, filename: filename, body: file.Body.(*hclsyntax.Body), tokens: tokens}, nil
}

func (pf *parsedFile) compute(blockRange hcl.Range, specs []lint.FixSpec) ([]lint.Edit, error) {
	block := findBlock(pf.body, blockRange)
	if block == nil {
		return nil, fmt.Errorf("%s: no block at %s (was the file changed after the scan?)", pf.filename, rangeString(blockRange))
	}
	tree, err := buildTree(specs)
	if err != nil {
		return nil, err
	}
	c := &computer{
		src:    pf.src,
		tokens: pf.tokens,
		nl:     newline(pf.src),
		unit:   indentUnit(pf.src, block),
	}
	if err := c.body(block, tree); err != nil {
		if errors.Is(err, errSkip) {
			return nil, nil
		}
		return nil, err
	}
	edits := c.edits(pf.filename)
	if len(edits) == 0 {
		return nil, nil
	}
	if err := verify(pf.src, pf.filename, block.Range(), edits, specs); err != nil {
		return nil, err
	}
	return edits, nil
}

// Attach adds the fix computed from its FixSpecs to the Fixes of every
// finding that has specs, reading each file once with read (called with
// the filename of the finding's range). Call it once per scan.
// It returns the errors of the findings it could not fix, joined; the
// other findings still get their fixes.
func Attach(ctx context.Context, findings []lint.Finding, read func(filename string) ([]byte, error)) error {
	cache := map[string]*parsedFile{}
	failed := map[string]bool{}
	var errs []error
	for i := range findings {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("fixes of %d findings not computed: %w", len(findings)-i, err))
			break
		}
		f := &findings[i]
		name := f.BlockRange().Filename
		if len(f.FixSpecs) == 0 || isJSON(name) || failed[name] {
			continue
		}
		pf, ok := cache[name]
		if !ok {
			src, err := read(name)
			if err == nil {
				pf, err = parseFile(src, name)
			}
			if err != nil {
				failed[name] = true
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				continue
			}
			cache[name] = pf
		}
		edits, err := pf.compute(f.BlockRange(), f.FixSpecs)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s on %s: %w", f.RuleID, f.Resource, err))
			continue
		}
		if len(edits) > 0 {
			f.Fixes = append(f.Fixes, lint.Fix{Description: lint.FixDescription(f.FixSpecs), Edits: edits})
		}
	}
	return errors.Join(errs...)
}

// EditsByFile collects the edits of the findings' fixes by file, without
// duplicates: a block that several findings share (a module called by two
// root modules) is edited once. Each file's edits are sorted.
func EditsByFile(findings []lint.Finding) map[string][]lint.Edit {
	out := map[string][]lint.Edit{}
	for _, f := range findings {
		for _, fx := range f.Fixes {
			for _, e := range fx.Edits {
				name := e.Range.Filename
				if !slices.ContainsFunc(out[name], func(o lint.Edit) bool { return sameEdit(o, e) }) {
					out[name] = append(out[name], e)
				}
			}
		}
	}
	for _, es := range out {
		sortEdits(es)
	}
	return out
}

// errSkip stops a fix that cannot be made mechanically.
var errSkip = errors.New("no mechanical fix")

func isJSON(filename string) bool {
	return strings.HasSuffix(filename, ".json")
}

func rangeString(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d (bytes %d-%d)", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, r.Start.Byte, r.End.Byte)
}

// findBlock returns the top-level block that starts where r starts and
// ends at or after r's end. The parser's range of a block written on one
// line ("resource "x" "y" { a = 1 }") ends before the closing brace, so
// the end is not compared exactly; top-level blocks never share a start.
func findBlock(body *hclsyntax.Body, r hcl.Range) *hclsyntax.Block {
	for _, b := range body.Blocks {
		br := b.Range()
		if br.Start.Byte == r.Start.Byte && br.End.Byte >= r.End.Byte {
			return b
		}
	}
	return nil
}

// node is what to add to one body: arguments, then nested blocks.
type node struct {
	attrs    []attr
	children []*child
}

type attr struct {
	name  string
	value hclwrite.Tokens
}

type child struct {
	typ  string
	node *node
}

func (n *node) child(typ string) *node {
	for _, c := range n.children {
		if c.typ == typ {
			return c.node
		}
	}
	c := &child{typ: typ, node: &node{}}
	n.children = append(n.children, c)
	return c.node
}

// buildTree merges the specs into one tree of additions, so that specs
// sharing a block path add one block.
func buildTree(specs []lint.FixSpec) (*node, error) {
	root := &node{}
	for _, s := range specs {
		if !hclsyntax.ValidIdentifier(s.Attribute) {
			return nil, fmt.Errorf("fix spec: invalid argument name %q", s.Attribute)
		}
		n := root
		for _, typ := range s.Block {
			if !hclsyntax.ValidIdentifier(typ) {
				return nil, fmt.Errorf("fix spec: invalid block type %q", typ)
			}
			n = n.child(typ)
		}
		if slices.ContainsFunc(n.attrs, func(a attr) bool { return a.name == s.Attribute }) {
			continue
		}
		value, err := valueTokens(s.Value)
		if err != nil {
			return nil, fmt.Errorf("fix spec for %s: %w", s.Attribute, err)
		}
		n.attrs = append(n.attrs, attr{name: s.Attribute, value: value})
	}
	return root, nil
}

// valueTokens parses an HCL expression written as text.
func valueTokens(text string) (hclwrite.Tokens, error) {
	if strings.ContainsAny(text, "\r\n") {
		return nil, fmt.Errorf("value %q spans several lines", text)
	}
	f, diags := hclwrite.ParseConfig([]byte("v = "+text+"\n"), "value", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("invalid value %q: %w", text, diags)
	}
	a := f.Body().GetAttribute("v")
	if a == nil || len(f.Body().Attributes()) != 1 || len(f.Body().Blocks()) != 0 {
		return nil, fmt.Errorf("invalid value %q", text)
	}
	return a.Expr().BuildTokens(nil), nil
}

// computer collects the insertions of one fix.
type computer struct {
	src    []byte
	tokens hclsyntax.Tokens
	nl     string
	unit   string
	ins    []insertion
}

// insertion replaces src[start:end] (empty: inserts) with text. Insertions
// at the same offset are kept in the order they were added.
type insertion struct {
	start, end int
	text       string
}

// body adds n's arguments and blocks to the body of b.
func (c *computer) body(b *hclsyntax.Block, n *node) error {
	body := b.Body
	var attrs []attr
	for _, a := range n.attrs {
		if _, ok := body.Attributes[a.name]; !ok {
			attrs = append(attrs, a)
		}
	}
	var newBlocks []*child
	for _, ch := range n.children {
		existing, err := nestedBlock(body, ch.typ)
		if err != nil {
			return err
		}
		if existing != nil {
			if err := c.body(existing, ch.node); err != nil {
				return err
			}
			continue
		}
		newBlocks = append(newBlocks, ch)
	}
	if len(attrs) == 0 && len(newBlocks) == 0 {
		return nil
	}
	if b.OpenBraceRange.Start.Line == b.CloseBraceRange.Start.Line {
		return c.singleLine(b, attrs, newBlocks)
	}

	blockIndent := lineIndent(c.src, b.TypeRange.Start.Byte)
	itemIndent := blockIndent + c.unit
	if first := firstItem(body); first >= 0 {
		itemIndent = lineIndent(c.src, first)
	}

	// Arguments go after the last ordinary argument (before depends_on),
	// or at the top of the body.
	attrAt := -1
	if len(attrs) > 0 {
		last := lastAttribute(body)
		if last != nil {
			attrAt = c.lineEnd(last.SrcRange.End.Byte)
			itemIndent = lineIndent(c.src, last.SrcRange.Start.Byte)
		} else {
			attrAt = c.lineEnd(b.OpenBraceRange.End.Byte)
		}
		if attrAt < 0 {
			return errSkip
		}
		text := c.render(attrs, nil, itemIndent)
		c.ins = append(c.ins, insertion{start: attrAt, end: attrAt, text: text})
	}

	// Blocks go before the closing brace, or before the meta-arguments
	// that end the body (lifecycle, depends_on), after a blank line when
	// the body has something above them.
	if len(newBlocks) > 0 {
		at := lineStart(c.src, b.CloseBraceRange.Start.Byte)
		text := c.render(nil, newBlocks, itemIndent)
		if meta := trailingMeta(body); meta >= 0 && lineStart(c.src, meta) >= 0 && (attrAt < 0 || meta >= attrAt) {
			at = lineStart(c.src, meta)
			text += c.nl
		}
		if at < 0 {
			return errSkip
		}
		hasItems := len(body.Attributes) > 0 || len(body.Blocks) > 0 || attrAt >= 0
		prevBlank := false
		if at > 0 {
			prevStart := bytes.LastIndexByte(c.src[:at-1], '\n') + 1
			prevBlank = len(bytes.TrimSpace(c.src[prevStart:at])) == 0 && prevStart > b.OpenBraceRange.End.Byte
		}
		if hasItems && !prevBlank {
			text = c.nl + text
		}
		c.ins = append(c.ins, insertion{start: at, end: at, text: text})
	}
	return nil
}

// singleLine rewrites a block written on one line, such as
// "scaling_config {}" or "x { a = 1 }", on several lines with the
// additions. It gives up when the braces enclose a comment, which the
// rewrite would lose.
func (c *computer) singleLine(b *hclsyntax.Block, attrs []attr, blocks []*child) error {
	start, end := b.OpenBraceRange.End.Byte, b.CloseBraceRange.Start.Byte
	for _, t := range c.tokens {
		if t.Type == hclsyntax.TokenComment && t.Range.Start.Byte >= start && t.Range.End.Byte <= end {
			return errSkip
		}
	}
	blockIndent := lineIndent(c.src, b.TypeRange.Start.Byte)
	itemIndent := blockIndent + c.unit
	var sb strings.Builder
	sb.WriteString(c.nl)
	for _, a := range b.Body.Attributes {
		// A single-line block holds at most one argument.
		sb.WriteString(itemIndent)
		sb.Write(c.src[a.SrcRange.Start.Byte:a.SrcRange.End.Byte])
		sb.WriteString(c.nl)
	}
	sb.WriteString(c.render(attrs, nil, itemIndent))
	if len(blocks) > 0 {
		if len(b.Body.Attributes) > 0 || len(attrs) > 0 {
			sb.WriteString(c.nl)
		}
		sb.WriteString(c.render(nil, blocks, itemIndent))
	}
	sb.WriteString(blockIndent)
	c.ins = append(c.ins, insertion{start: start, end: end, text: sb.String()})
	return nil
}

// render formats arguments and blocks with hclwrite and indents every line
// with indent, using the file's indentation unit and line ending.
func (c *computer) render(attrs []attr, blocks []*child, indent string) string {
	f := hclwrite.NewEmptyFile()
	addTo(f.Body(), &node{attrs: attrs, children: blocks})
	formatted := hclwrite.Format(f.Bytes())
	var sb strings.Builder
	for _, line := range strings.SplitAfter(string(formatted), "\n") {
		if line == "" {
			continue
		}
		content := strings.TrimRight(line, "\n")
		if content != "" {
			trimmed := strings.TrimLeft(content, " ")
			level := (len(content) - len(trimmed)) / 2
			sb.WriteString(indent)
			sb.WriteString(strings.Repeat(c.unit, level))
			sb.WriteString(trimmed)
		}
		sb.WriteString(c.nl)
	}
	return sb.String()
}

func addTo(body *hclwrite.Body, n *node) {
	for _, a := range n.attrs {
		body.SetAttributeRaw(a.name, a.value)
	}
	for i, ch := range n.children {
		if i > 0 || len(n.attrs) > 0 {
			body.AppendNewline()
		}
		addTo(body.AppendNewBlock(ch.typ, nil).Body(), ch.node)
	}
}

// nestedBlock returns the first nested block of a type. A dynamic block of
// that type makes the fix not mechanical.
func nestedBlock(body *hclsyntax.Body, typ string) (*hclsyntax.Block, error) {
	for _, nb := range body.Blocks {
		if nb.Type == "dynamic" && len(nb.Labels) > 0 && nb.Labels[0] == typ {
			return nil, errSkip
		}
	}
	for _, nb := range body.Blocks {
		if nb.Type == typ {
			return nb, nil
		}
	}
	return nil, nil
}

// lastAttribute returns the ordinary argument that ends last in the
// body: new arguments go after it, so depends_on (a meta-argument written
// last) stays last.
func lastAttribute(body *hclsyntax.Body) *hclsyntax.Attribute {
	var last *hclsyntax.Attribute
	for _, a := range body.Attributes {
		if isTrailingMeta(a.Name) {
			continue
		}
		if last == nil || a.SrcRange.End.Byte > last.SrcRange.End.Byte {
			last = a
		}
	}
	return last
}

// isTrailingMeta reports whether an argument or block is a meta-argument
// that terraform style writes at the end of a body.
func isTrailingMeta(name string) bool {
	return name == "depends_on" || name == "lifecycle"
}

// trailingMeta returns the start of the first trailing meta-argument
// (depends_on, lifecycle) that only other meta-arguments follow, or -1:
// new blocks go before it.
func trailingMeta(body *hclsyntax.Body) int {
	lastOrdinary, firstMeta := -1, -1
	note := func(name string, start int) {
		if isTrailingMeta(name) {
			if firstMeta < 0 || start < firstMeta {
				firstMeta = start
			}
		} else if start > lastOrdinary {
			lastOrdinary = start
		}
	}
	for _, a := range body.Attributes {
		note(a.Name, a.SrcRange.Start.Byte)
	}
	for _, b := range body.Blocks {
		note(b.Type, b.TypeRange.Start.Byte)
	}
	if firstMeta < 0 || firstMeta < lastOrdinary {
		return -1
	}
	return firstMeta
}

// firstItem returns the byte offset of the body's first argument or block,
// or -1.
func firstItem(body *hclsyntax.Body) int {
	first := -1
	for _, a := range body.Attributes {
		if first < 0 || a.SrcRange.Start.Byte < first {
			first = a.SrcRange.Start.Byte
		}
	}
	for _, b := range body.Blocks {
		if s := b.TypeRange.Start.Byte; first < 0 || s < first {
			first = s
		}
	}
	return first
}

// lineEnd returns the offset just after the end of the line that contains
// off: after the first newline token (or line comment, which holds its
// newline) that starts at or after off. -1 when the file ends first.
func (c *computer) lineEnd(off int) int {
	for _, t := range c.tokens {
		if t.Range.Start.Byte < off {
			continue
		}
		switch {
		case t.Type == hclsyntax.TokenNewline:
			return t.Range.End.Byte
		case t.Type == hclsyntax.TokenComment && bytes.HasSuffix(t.Bytes, []byte("\n")):
			return t.Range.End.Byte
		case t.Type == hclsyntax.TokenEOF:
			return -1
		}
	}
	return -1
}

// lineStart returns the start of the line of off when only spaces and tabs
// precede off on it, else -1.
func lineStart(src []byte, off int) int {
	i := off
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == 0 || src[i-1] == '\n' {
		return i
	}
	return -1
}

// lineIndent returns the spaces and tabs that start the line of off.
func lineIndent(src []byte, off int) string {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// indentUnit guesses one level of indentation from the block: the
// indentation of its first item beyond its own, else two spaces (a tab in
// files indented with tabs).
func indentUnit(src []byte, b *hclsyntax.Block) string {
	own := lineIndent(src, b.TypeRange.Start.Byte)
	if first := firstItem(b.Body); first >= 0 && b.Body.SrcRange.Start.Line != lineOf(src, first) {
		item := lineIndent(src, first)
		if unit, ok := strings.CutPrefix(item, own); ok && unit != "" {
			return unit
		}
	}
	if strings.Contains(own, "\t") {
		return "\t"
	}
	return "  "
}

func lineOf(src []byte, off int) int {
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// newline returns the file's line ending.
func newline(src []byte) string {
	if bytes.Contains(src, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// edits turns the insertions into sorted edits, merging insertions at the
// same offset into one.
func (c *computer) edits(filename string) []lint.Edit {
	ins := slices.Clone(c.ins)
	slices.SortStableFunc(ins, func(a, b insertion) int { return a.start - b.start })
	var merged []insertion
	for _, in := range ins {
		if n := len(merged); n > 0 && merged[n-1].start == in.start && merged[n-1].end == merged[n-1].start && in.end == in.start {
			merged[n-1].text += in.text
			continue
		}
		merged = append(merged, in)
	}
	out := make([]lint.Edit, 0, len(merged))
	for _, in := range merged {
		out = append(out, lint.Edit{
			Range: hcl.Range{
				Filename: filename,
				Start:    posAt(c.src, in.start),
				End:      posAt(c.src, in.end),
			},
			NewText: in.text,
		})
	}
	return out
}

// posAt returns the position of a byte offset: 1-based line, and 1-based
// column counted in characters.
func posAt(src []byte, off int) hcl.Pos {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return hcl.Pos{
		Line:   bytes.Count(src[:off], []byte("\n")) + 1,
		Column: utf8.RuneCount(src[start:off]) + 1,
		Byte:   off,
	}
}

// verify applies the edits to the block alone and checks that the result
// parses and that the block now sets every argument of the specs. Only the
// block's bytes are parsed again (the edits lie inside it), so checking
// every fix of a file costs the size of the file, not its square.
func verify(src []byte, filename string, blockRange hcl.Range, edits []lint.Edit, specs []lint.FixSpec) error {
	start, end := blockRange.Start.Byte, blockRange.End.Byte
	local := make([]lint.Edit, len(edits))
	for i, e := range edits {
		if e.Range.Start.Byte < start || e.Range.End.Byte > end {
			return errors.New("internal error: an edit lies outside the block")
		}
		local[i] = e
		local[i].Range.Start.Byte -= start
		local[i].Range.End.Byte -= start
	}
	out, err := Apply(src[start:end], local)
	if err != nil {
		return err
	}
	file, diags := hclsyntax.ParseConfig(out, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return fmt.Errorf("internal error: the fix would not parse: %w", diags)
	}
	body := file.Body.(*hclsyntax.Body)
	if len(body.Blocks) != 1 || len(body.Attributes) != 0 {
		return errors.New("internal error: the fixed block is not where expected")
	}
	b := body.Blocks[0]
	for _, s := range specs {
		body := b.Body
		for _, typ := range s.Block {
			nb, _ := nestedBlock(body, typ)
			if nb == nil {
				return fmt.Errorf("internal error: the fix did not add block %s", typ)
			}
			body = nb.Body
		}
		if _, ok := body.Attributes[s.Attribute]; !ok {
			return fmt.Errorf("internal error: the fix did not add %s", s.Attribute)
		}
	}
	return nil
}
