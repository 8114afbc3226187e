package fix

import (
	"fmt"
	"slices"

	"github.com/spillway-iac/spillway/lint"
)

// Apply returns src with the edits applied. The edits are for one file
// (their ranges name the same file) and use byte offsets; they must not
// overlap, except that several insertions may share an offset (they are
// applied in the order given). Exact duplicates, such as the same fix of a
// module block found through two root modules, are applied once. src is
// not modified.
func Apply(src []byte, edits []lint.Edit) ([]byte, error) {
	if len(edits) == 0 {
		return slices.Clone(src), nil
	}
	es := make([]lint.Edit, 0, len(edits))
	for _, e := range edits {
		if e.Range.Filename != edits[0].Range.Filename {
			return nil, fmt.Errorf("edits for different files: %s and %s", edits[0].Range.Filename, e.Range.Filename)
		}
		s, t := e.Range.Start.Byte, e.Range.End.Byte
		if s < 0 || t < s || t > len(src) {
			return nil, fmt.Errorf("%s: edit range bytes %d-%d outside the file (%d bytes)", e.Range.Filename, s, t, len(src))
		}
		if !slices.ContainsFunc(es, func(o lint.Edit) bool { return sameEdit(o, e) }) {
			es = append(es, e)
		}
	}
	sortEdits(es)
	for i := 1; i < len(es); i++ {
		prev, cur := es[i-1].Range, es[i].Range
		if cur.Start.Byte < prev.End.Byte {
			return nil, fmt.Errorf("%s: overlapping edits at %d:%d and %d:%d", cur.Filename, prev.Start.Line, prev.Start.Column, cur.Start.Line, cur.Start.Column)
		}
	}
	// One pass over the sorted edits: linear in the file and the edits,
	// however many there are.
	grow := 0
	for _, e := range es {
		grow += len(e.NewText) - (e.Range.End.Byte - e.Range.Start.Byte)
	}
	out := make([]byte, 0, len(src)+max(grow, 0))
	at := 0
	for _, e := range es {
		out = append(out, src[at:e.Range.Start.Byte]...)
		out = append(out, e.NewText...)
		at = e.Range.End.Byte
	}
	return append(out, src[at:]...), nil
}

// sameEdit reports whether two edits make the same change.
func sameEdit(a, b lint.Edit) bool {
	return a.Range.Filename == b.Range.Filename && a.Range.Start.Byte == b.Range.Start.Byte &&
		a.Range.End.Byte == b.Range.End.Byte && a.NewText == b.NewText
}

// sortEdits orders edits by start offset, insertions before a
// replacement at the same offset; the order of equal edits is kept.
func sortEdits(es []lint.Edit) {
	slices.SortStableFunc(es, func(a, b lint.Edit) int {
		if d := a.Range.Start.Byte - b.Range.Start.Byte; d != 0 {
			return d
		}
		return a.Range.End.Byte - b.Range.End.Byte
	})
}
