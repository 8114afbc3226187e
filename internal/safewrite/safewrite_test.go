package safewrite_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/safewrite"
)

var errInjected = errors.New("injected failure")

// failOps fails the failAt-th operation that changes something on disk
// (creating, writing, syncing, chmod, closing, renaming, removing), as a
// full disk, an I/O error or a kill at that point would.
type failOps struct {
	safewrite.Ops
	failAt int
	n      int
}

func (o *failOps) step() error {
	o.n++
	if o.n == o.failAt {
		return errInjected
	}
	return nil
}

func (o *failOps) OpenFile(name string, flag int, perm fs.FileMode) (safewrite.File, error) {
	if err := o.step(); err != nil {
		return nil, err
	}
	f, err := o.Ops.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &failFile{File: f, o: o}, nil
}

func (o *failOps) Rename(a, b string) error {
	if err := o.step(); err != nil {
		return err
	}
	return o.Ops.Rename(a, b)
}

func (o *failOps) SyncDir(name string) error {
	if err := o.step(); err != nil {
		return err
	}
	return o.Ops.SyncDir(name)
}

type failFile struct {
	safewrite.File
	o *failOps
}

func (f *failFile) Write(b []byte) (int, error) {
	if err := f.o.step(); err != nil {
		// A full disk writes part of the data, then fails.
		n, _ := f.File.Write(b[:len(b)/2])
		return n, err
	}
	return f.File.Write(b)
}

func (f *failFile) Sync() error {
	if err := f.o.step(); err != nil {
		return err
	}
	return f.File.Sync()
}

func (f *failFile) Chmod(m fs.FileMode) error {
	if err := f.o.step(); err != nil {
		return err
	}
	return f.File.Chmod(m)
}

func (f *failFile) Close() error {
	if err := f.o.step(); err != nil {
		_ = f.File.Close()
		return err
	}
	return f.File.Close()
}

func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func openRoot(t *testing.T, dir string) *os.Root {
	t.Helper()
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// TestBatchIsAllOrNothingAtEveryFailurePoint fails each write operation of
// a three-file change in turn: after a failure every file still holds its
// old content and no temporary file is left; after a success every file
// holds its new content with its mode kept.
func TestBatchIsAllOrNothingAtEveryFailurePoint(t *testing.T) {
	old := map[string]string{"a.tf": "a old\n", "sub/b.tf": "b old\n", "c.tf": "c old\n"}
	changes := func() []safewrite.Change {
		var cs []safewrite.Change
		for _, n := range []string{"a.tf", "sub/b.tf", "c.tf"} {
			cs = append(cs, safewrite.Change{Name: n, Old: []byte(old[n]), New: []byte(strings.Replace(old[n], "old", "new, longer than before", 1))})
		}
		return cs
	}
	for failAt := 1; ; failAt++ {
		dir := tree(t, old)
		ops := &failOps{Ops: safewrite.RootOps(openRoot(t, dir)), failAt: failAt}
		_, err := safewrite.Batch(ops, changes())
		for _, n := range []string{"a.tf", "sub/b.tf", "c.tf"} {
			got := read(t, filepath.Join(dir, n))
			want := old[n]
			if err == nil || errors.Is(err, errInjected) && strings.HasPrefix(err.Error(), "sync") {
				want = strings.Replace(old[n], "old", "new, longer than before", 1)
			}
			if got != want {
				t.Fatalf("failure at operation %d (%v): %s = %q, want %q", failAt, err, n, got, want)
			}
			if st, _ := os.Stat(filepath.Join(dir, n)); st.Mode().Perm() != 0o640 {
				t.Fatalf("failure at operation %d: %s mode %v, want 0640", failAt, n, st.Mode().Perm())
			}
		}
		leftovers, _ := filepath.Glob(filepath.Join(dir, "*", ".*spillway-*"))
		top, _ := filepath.Glob(filepath.Join(dir, ".*spillway-*"))
		if len(leftovers)+len(top) > 0 {
			t.Fatalf("failure at operation %d left temporary files %v %v", failAt, top, leftovers)
		}
		if err == nil {
			if failAt < 10 {
				t.Fatalf("only %d operations: the failure points were not exercised", failAt)
			}
			return
		}
		if !errors.Is(err, errInjected) {
			t.Fatalf("failure at operation %d: unexpected error %v", failAt, err)
		}
	}
}

// TestBatchSkipsFilesChangedSinceAnalysis: a file edited while the scan ran
// is not overwritten, and neither is any other file of the change.
func TestBatchSkipsFilesChangedSinceAnalysis(t *testing.T) {
	dir := tree(t, map[string]string{"a.tf": "a\n", "b.tf": "b edited by the user\n"})
	_, err := safewrite.Batch(safewrite.RootOps(openRoot(t, dir)), []safewrite.Change{
		{Name: "a.tf", Old: []byte("a\n"), New: []byte("a fixed\n")},
		{Name: "b.tf", Old: []byte("b\n"), New: []byte("b fixed\n")},
	})
	if err == nil || !strings.Contains(err.Error(), "changed since it was analyzed") {
		t.Fatalf("err = %v", err)
	}
	if read(t, filepath.Join(dir, "a.tf")) != "a\n" || read(t, filepath.Join(dir, "b.tf")) != "b edited by the user\n" {
		t.Fatal("a file was written")
	}
}

// TestBatchRefusesTwoNamesForOneFile: a file reachable under two names
// (an in-tree symlink) is edited once or not at all, never twice at stale
// offsets.
func TestBatchRefusesTwoNamesForOneFile(t *testing.T) {
	dir := tree(t, map[string]string{"a.tf": "a\n"})
	if err := os.Symlink("a.tf", filepath.Join(dir, "link.tf")); err != nil {
		t.Fatal(err)
	}
	_, err := safewrite.Batch(safewrite.RootOps(openRoot(t, dir)), []safewrite.Change{
		{Name: "a.tf", Old: []byte("a\n"), New: []byte("a1\n")},
		{Name: "link.tf", Old: []byte("a\n"), New: []byte("a2\n")},
	})
	if err == nil || !strings.Contains(err.Error(), "changed twice") {
		t.Fatalf("err = %v", err)
	}
	if read(t, filepath.Join(dir, "a.tf")) != "a\n" {
		t.Fatal("a.tf was written")
	}
}

// TestSymlinkWriteLandsOnTheRealFile: writing through an in-tree link
// replaces the file it points to and keeps the link a link.
func TestSymlinkWriteLandsOnTheRealFile(t *testing.T) {
	dir := tree(t, map[string]string{"real/a.tf": "a\n"})
	if err := os.Symlink("real/a.tf", filepath.Join(dir, "link.tf")); err != nil {
		t.Fatal(err)
	}
	names, err := safewrite.Batch(safewrite.RootOps(openRoot(t, dir)), []safewrite.Change{{Name: "link.tf", Old: []byte("a\n"), New: []byte("b\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "real/a.tf" {
		t.Fatalf("names = %v", names)
	}
	if st, err := os.Lstat(filepath.Join(dir, "link.tf")); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("link.tf is no longer a link: %v", err)
	}
	if read(t, filepath.Join(dir, "real/a.tf")) != "b\n" {
		t.Fatal("the real file was not written")
	}
}

// TestNothingOutsideTheTreeIsWritten: links that lead out of the tree,
// absolute or relative, and a directory link swapped in, are refused and
// the outside file keeps its content.
func TestNothingOutsideTheTreeIsWritten(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.tf")
	if err := os.WriteFile(secret, []byte("keep\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := tree(t, map[string]string{"main.tf": "x\n"})
	for name, target := range map[string]string{
		"abs.tf": secret,
		"rel.tf": filepath.Join("..", filepath.Base(outside), "secret.tf"),
		"dir":    outside,
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	ops := safewrite.RootOps(openRoot(t, dir))
	for _, name := range []string{"abs.tf", "rel.tf", "dir/secret.tf", "../" + filepath.Base(outside) + "/secret.tf"} {
		if err := safewrite.WriteFile(ops, name, []byte("pwned\n"), 0o644); err == nil {
			t.Errorf("%s: written", name)
		}
		if _, err := safewrite.Batch(ops, []safewrite.Change{{Name: name, Old: []byte("keep\n"), New: []byte("pwned\n")}}); err == nil {
			t.Errorf("%s: batch written", name)
		}
	}
	if read(t, secret) != "keep\n" {
		t.Fatal("the file outside the tree was changed")
	}
}

// TestSpecialFilesAreWrittenDirectly: /dev/null stays a device; a report
// written to it is not a rename over it.
func TestSpecialFilesAreWrittenDirectly(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	if err := safewrite.WritePath("/dev/null", []byte("report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat("/dev/null")
	if err != nil || st.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", st.Mode(), err)
	}
}

// TestWritePathKeepsModeAndCreatesNewFiles: an existing file keeps its
// mode; a new one gets the given mode; a write error leaves the old
// content.
func TestWritePathKeepsModeAndCreatesNewFiles(t *testing.T) {
	dir := tree(t, map[string]string{"old.json": "{}\n"})
	if err := os.Chmod(filepath.Join(dir, "old.json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := safewrite.WritePath(filepath.Join(dir, "old.json"), []byte("[1]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(filepath.Join(dir, "old.json"))
	if st.Mode().Perm() != 0o600 || read(t, filepath.Join(dir, "old.json")) != "[1]\n" {
		t.Fatalf("mode %v content %q", st.Mode().Perm(), read(t, filepath.Join(dir, "old.json")))
	}
	if err := safewrite.WritePath(filepath.Join(dir, "new.json"), []byte("[2]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ = os.Stat(filepath.Join(dir, "new.json"))
	if st.Mode().Perm() != 0o644 {
		t.Fatalf("new file mode %v", st.Mode().Perm())
	}
	for failAt := 1; failAt < 8; failAt++ {
		ops := &failOps{Ops: safewrite.RootOps(openRoot(t, dir)), failAt: failAt}
		err := safewrite.WriteFile(ops, "old.json", []byte(strings.Repeat("x", 1<<16)), 0o644)
		got := read(t, filepath.Join(dir, "old.json"))
		if got != "[1]\n" && got != strings.Repeat("x", 1<<16) {
			t.Fatalf("failure at operation %d (%v) left %d bytes", failAt, err, len(got))
		}
		if got != "[1]\n" {
			if err := os.WriteFile(filepath.Join(dir, "old.json"), []byte("[1]\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestWriteFileFuncFailureKeepsOldContent: when the content's writer fails
// half way (a report that cannot be rendered), the file keeps its old
// content and no temporary file is left; when it succeeds, the file holds
// everything it wrote, past the size of one buffer.
func TestWriteFileFuncFailureKeepsOldContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "report.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	chunk := strings.Repeat("x", 100<<10)
	err := safewrite.WritePathFunc(target, 0o644, func(w io.Writer) error {
		if _, err := io.WriteString(w, chunk); err != nil {
			return err
		}
		return errInjected
	})
	if !errors.Is(err, errInjected) {
		t.Fatalf("WritePathFunc = %v, want the writer's error", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "old" {
		t.Errorf("after a failed write the file holds %d bytes, want its old content", len(b))
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("after a failed write the directory holds %d entries, want only the file", len(es))
	}
	err = safewrite.WritePathFunc(target, 0o644, func(w io.Writer) error {
		for range 3 {
			if _, err := io.WriteString(w, chunk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != strings.Repeat(chunk, 3) {
		t.Errorf("the file holds %d bytes, want %d", len(b), 3*len(chunk))
	}
}
