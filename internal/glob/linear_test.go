package glob

import (
	"strings"
	"testing"
)

// TestRepeatedDoubleStarIsLinear proves that matching does not backtrack:
// the pattern that used to take more than 30 s on a deep tree
// (exponential backtracking over "**" splits) makes at most
// len(pattern) x len(path) segment comparisons.
func TestRepeatedDoubleStarIsLinear(t *testing.T) {
	p, err := Compile("**/x/**/x/**/x/**/x/**/x/**/x/y")
	if err != nil {
		t.Fatal(err)
	}
	segs := strings.Split(strings.Repeat("x/", 200)+"z", "/")
	ok, steps := p.match(segs)
	if ok {
		t.Fatal("matched a path that does not end in y")
	}
	if bound := len(p) * len(segs); steps > bound {
		t.Fatalf("%d segment comparisons, want at most %d", steps, bound)
	}
	segs[len(segs)-1] = "y"
	if ok, _ := p.match(segs); !ok {
		t.Fatal("did not match a path ending in x/y")
	}
}
