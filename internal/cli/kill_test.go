package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFixSurvivesSIGKILL runs the real binary's --fix on a tree of many
// fixable files and kills it with SIGKILL at spread-out moments: after
// every kill each file holds either its old content or the content a
// complete --fix gives, never a truncated or half-written file.
func TestFixSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "spillway")
	build := exec.Command("go", "build", "-o", bin, "github.com/spillway-iac/spillway/cmd/spillway")
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const files = 40
	old := map[string]string{}
	for i := range files {
		var b strings.Builder
		// Large files make the writes long enough to be interrupted.
		for j := range 200 {
			fmt.Fprintf(&b, "resource \"aws_lambda_function\" \"f%d_%d\" {\n  function_name = \"f%d-%d\"\n  runtime       = \"python3.12\"\n}\n\n", i, j, i, j)
		}
		old[fmt.Sprintf("m%02d/main.tf", i)] = b.String()
	}
	// What a complete --fix writes.
	full := writeTree(t, old)
	if out, err := exec.Command(bin, "scan", "--fix", "--soft-fail", "-o", os.DevNull, full).CombinedOutput(); err != nil {
		t.Fatalf("full --fix: %v\n%s", err, out)
	}
	fixed := map[string]string{}
	for name := range old {
		b, err := os.ReadFile(filepath.Join(full, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) == old[name] {
			t.Fatalf("%s: the full --fix changed nothing", name)
		}
		fixed[name] = string(b)
	}
	for round := range 12 {
		dir := writeTree(t, old)
		cmd := exec.Command(bin, "scan", "--fix", "--soft-fail", "-o", os.DevNull, dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(round*round*8) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		for name := range old {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatalf("round %d: %s: %v", round, name, err)
			}
			if got := string(b); got != old[name] && got != fixed[name] {
				t.Fatalf("round %d (killed after %d ms): %s is neither old nor new (%d bytes)", round, round*round*8, name, len(got))
			}
		}
	}
}
