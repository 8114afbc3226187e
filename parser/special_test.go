package parser_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/parser"
)

// TestFIFONamedLikeConfigIsAnErrorNotAHang: a named pipe called main.tf
// is reported as "not a regular file" with its name, and never opened (an
// open would block until a writer comes, past any timeout).
func TestFIFONamedLikeConfigIsAnErrorNotAHang(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "main.tf"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.tf"), []byte("locals {\n  a = 1\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := parser.NewLoader(os.DirFS(dir), parser.Options{})
	done := make(chan *parser.File, 1)
	go func() { done <- l.ReadFile("main.tf") }()
	var f *parser.File
	select {
	case f = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO named main.tf blocked")
	}
	if len(f.Diags) != 1 || f.Diags[0].Summary != "Not a regular file" || f.Diags[0].Subject.Filename != f.Name {
		t.Fatalf("diags = %v", f.Diags)
	}
	if !strings.Contains(f.Diags[0].Detail, "not opened") {
		t.Errorf("detail = %q", f.Diags[0].Detail)
	}
	if ok := l.ReadFile("ok.tf"); ok.Diags.HasErrors() {
		t.Fatalf("the regular file beside it: %v", ok.Diags)
	}
}
