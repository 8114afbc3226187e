// Package golden compares test output with golden files and prints a
// line diff (sergi/go-diff) on mismatch. Run tests with -update to
// rewrite the golden files.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the golden file at path.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if string(want) == string(got) {
		return
	}
	t.Errorf("%s differs (-want +got):\n%s", path, Diff(string(want), string(got)))
}

// Diff returns a line diff of want and got with three lines of context,
// without colours.
func Diff(want, got string) string {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(want, got)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	type line struct {
		op   diffmatchpatch.Operation
		text string
	}
	var all []line
	for _, d := range diffs {
		text := strings.TrimSuffix(d.Text, "\n")
		for _, l := range strings.Split(text, "\n") {
			all = append(all, line{d.Type, l})
		}
	}
	const ctx = 3
	var out strings.Builder
	last := -1
	for i, l := range all {
		if l.op == diffmatchpatch.DiffEqual {
			near := false
			for j := i - ctx; j <= i+ctx; j++ {
				if j >= 0 && j < len(all) && all[j].op != diffmatchpatch.DiffEqual {
					near = true
					break
				}
			}
			if !near {
				continue
			}
		}
		if last >= 0 && i > last+1 {
			out.WriteString("...\n")
		}
		last = i
		switch l.op {
		case diffmatchpatch.DiffDelete:
			out.WriteString("-" + l.text + "\n")
		case diffmatchpatch.DiffInsert:
			out.WriteString("+" + l.text + "\n")
		default:
			out.WriteString(" " + l.text + "\n")
		}
	}
	return out.String()
}
