//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunReportsLikeGNUTime(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "time.txt")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-o", out, "sh", "-c", "echo hi; exit 3"}, nil, &stdout, &stderr); code != 3 {
		t.Fatalf("exit code %d, want the command's 3 (stderr %q)", code, stderr.String())
	}
	if stdout.String() != "hi\n" {
		t.Errorf("stdout %q, want the command's output", stdout.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"User time (seconds): ", "System time (seconds): ", "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:", "Maximum resident set size (kbytes): ", "Exit status: 3"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %q:\n%s", want, b)
		}
	}
}
