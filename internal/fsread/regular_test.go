package fsread_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/fsread"
)

// TestFileStatRegularIsFileStat: opening first gives FileStat's bytes,
// stat and errors, for a file, a file above the limit and a missing file.
func TestFileStatRegularIsFileStat(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.tf"), []byte("locals {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.tf"), []byte(strings.Repeat("#", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	names := []string{"a.tf", "big.tf", "missing.tf"}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = root.Close() }()
	fsys := root.FS()
	for _, n := range names {
		b1, st1, err1 := fsread.FileStat(fsys, n, 50)
		b2, st2, err2 := fsread.FileStatRegular(fsys, n, 50)
		if string(b1) != string(b2) || (st1 == nil) != (st2 == nil) || (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
			t.Errorf("%s: FileStat %q %v %v, FileStatRegular %q %v %v", n, b1, st1, err1, b2, st2, err2)
		}
		if st1 != nil && st2 != nil && (st1.Size() != st2.Size() || st1.Mode() != st2.Mode()) {
			t.Errorf("%s: stat differs: %v %v", n, st1.Mode(), st2.Mode())
		}
	}
}
