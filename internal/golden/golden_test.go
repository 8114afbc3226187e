package golden

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	want := "a\nb\nc\nd\ne\nf\ng\nh\n"
	got := "a\nb\nc\nd\nX\nf\ng\nh\n"
	d := Diff(want, got)
	for _, line := range []string{"-e", "+X", " d", " f"} {
		if !strings.Contains(d, line+"\n") {
			t.Errorf("diff lacks %q:\n%s", line, d)
		}
	}
	if strings.Contains(d, " a\n") {
		t.Errorf("diff has context beyond 3 lines:\n%s", d)
	}
	if strings.Contains(d, "\x1b") {
		t.Errorf("diff has ANSI escapes")
	}
}
