package fsread_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/spillway-iac/spillway/internal/fsread"
)

// TestDevicesAndPipesAreNotRead: a character device (endless /dev/zero)
// and a FIFO are refused from stat alone, so they neither exhaust memory
// nor block.
func TestDevicesAndPipesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "terraform.tfvars")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, p := range []string{"/dev/zero", fifo} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if _, err := fsread.Path(p, 1<<20); !errors.Is(err, fsread.ErrNotRegular) {
			t.Errorf("%s: err = %v, want ErrNotRegular", p, err)
		}
	}
	if _, err := fsread.File(os.DirFS(dir), "terraform.tfvars", 1<<20); !errors.Is(err, fsread.ErrNotRegular) {
		t.Errorf("fs: err = %v", err)
	}
}

// TestLimitHoldsWhileReading: a file above the limit is refused, and the
// reader never returns more than the limit.
func TestLimitHoldsWhileReading(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.json")
	if err := os.WriteFile(p, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fsread.Path(p, 1024); !errors.Is(err, fsread.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	b, err := fsread.Path(p, 4096)
	if err != nil || len(b) != 2048 {
		t.Fatalf("len %d err %v", len(b), err)
	}
}
