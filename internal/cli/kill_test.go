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
	bin := buildBinary(t)
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

// TestReportSurvivesSIGKILL kills the real binary while it streams a large
// -o report over an existing one: after every kill the report is either
// the old one or the complete new one, never a part of it.
func TestReportSurvivesSIGKILL(t *testing.T) {
	bin := buildBinary(t)
	files := map[string]string{}
	for i := range 20 {
		var b strings.Builder
		for j := range 200 {
			fmt.Fprintf(&b, "resource \"aws_lambda_function\" \"f%d_%d\" {\n  function_name = \"f%d-%d\"\n  runtime       = \"python3.12\"\n}\n\n", i, j, i, j)
		}
		files[fmt.Sprintf("m%02d/main.tf", i)] = b.String()
	}
	dir := writeTree(t, files)
	out := filepath.Join(t.TempDir(), "report.json")
	if b, err := exec.Command(bin, "scan", "--soft-fail", "--format", "json", "-o", out, dir).CombinedOutput(); err != nil {
		t.Fatalf("full scan: %v\n%s", err, b)
	}
	full, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) < 1<<20 {
		t.Fatalf("the report is %d bytes, too small to be interrupted while written", len(full))
	}
	const old = "the previous report\n"
	// writing reports whether the report is being written: a temporary
	// file beside it, or the report itself changed.
	writing := func() bool {
		es, _ := os.ReadDir(filepath.Dir(out))
		if len(es) > 1 {
			return true
		}
		b, _ := os.ReadFile(out)
		return string(b) != old
	}
	for round := range 16 {
		if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "scan", "--soft-fail", "--format", "json", "-o", out, dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		when := fmt.Sprintf("after %d ms", round*round*12)
		if round%2 == 0 {
			// Half the rounds kill it as soon as the write begins.
			when = "as the write began"
			for deadline := time.Now().Add(time.Minute); !writing() && time.Now().Before(deadline); {
				time.Sleep(200 * time.Microsecond)
			}
		} else {
			time.Sleep(time.Duration(round*round*12) * time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if string(got) != old && string(got) != string(full) {
			t.Fatalf("round %d (killed %s): the report is neither the old one nor the complete new one (%d bytes)", round, when, len(got))
		}
		// A kill leaves the temporary file behind; the next round
		// starts from a directory holding only the report.
		es, _ := os.ReadDir(filepath.Dir(out))
		for _, e := range es {
			if e.Name() != filepath.Base(out) {
				_ = os.Remove(filepath.Join(filepath.Dir(out), e.Name()))
			}
		}
	}
}

// buildBinary builds spillway into a temporary directory for the tests
// that run (and kill) the real binary, and returns its path; under -short
// the test is skipped.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "spillway")
	build := exec.Command("go", "build", "-o", bin, "github.com/spillway-iac/spillway/cmd/spillway")
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
