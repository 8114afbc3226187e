package fix

import (
	"bytes"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/spillway-iac/spillway/lint"
)

// ApplyFormatted applies the edits as Apply does, then leaves every
// top-level block they touch as terraform fmt would (hclwrite.Format:
// "=" aligned across each group of arguments, blocks indented), provided
// the block was fmt-clean before: a block the user formats differently is
// only given the inserted lines, so nothing else in it changes.
func ApplyFormatted(src []byte, edits []lint.Edit) ([]byte, error) {
	out, err := Apply(src, edits)
	if err != nil || len(edits) == 0 {
		return out, err
	}
	name := edits[0].Range.Filename
	if isJSON(name) {
		return out, nil
	}
	file, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return out, nil
	}
	es := dedupe(edits)
	sortEdits(es)
	// before[i] is how far the edits es[:i] move what follows them.
	before := make([]int, len(es)+1)
	for i, e := range es {
		before[i+1] = before[i] + len(e.NewText) - (e.Range.End.Byte - e.Range.Start.Byte)
	}
	// firstAt returns the index of the first edit starting at or after
	// off.
	firstAt := func(off int) int {
		return sort.Search(len(es), func(i int) bool { return es[i].Range.Start.Byte >= off })
	}
	type span struct{ start, end int }
	var spans []span
	for _, b := range file.Body.(*hclsyntax.Body).Blocks {
		start, end := b.TypeRange.Start.Byte, b.CloseBraceRange.End.Byte
		i := firstAt(start)
		if i == len(es) || es[i].Range.End.Byte > end {
			continue // no edit inside the block
		}
		if !bytes.Equal(hclwrite.Format(src[start:end]), src[start:end]) {
			continue
		}
		spans = append(spans, span{start + before[i], end + before[firstAt(end)]})
	}
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		formatted := hclwrite.Format(out[sp.start:sp.end])
		out = append(out[:sp.start:sp.start], append(formatted, out[sp.end:]...)...)
	}
	return out, nil
}

// dedupe returns the edits without exact duplicates, which Apply
// applies once.
func dedupe(edits []lint.Edit) []lint.Edit {
	type key struct {
		start, end int
		text       string
	}
	seen := map[key]bool{}
	var out []lint.Edit
	for _, e := range edits {
		k := key{e.Range.Start.Byte, e.Range.End.Byte, e.NewText}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}
