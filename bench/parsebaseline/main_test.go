package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunSkipsWhatDiscoverySkips(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"main.tf":                 `resource "aws_sqs_queue" "q" {}`,
		"x.tf.json":               `{"locals": {"a": 1}}`,
		"sub/y.tofu":              `locals { b = 2 }`,
		"sub/broken.tf":           `locals {`,
		".hidden.tf":              `locals {`,
		".terraform/modules/m.tf": `locals {`,
		".git/z.tf":               `locals {`,
		"README.md":               "not configuration",
		"terraform.tfvars":        `a = 1`,
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{dir}, {"-j", "1", dir}, {"-keep", dir}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, stderr.String())
		}
		if got, want := stdout.String(), "4 files, "; !strings.HasPrefix(got, want) || !strings.Contains(got, " 1 with syntax errors") {
			t.Errorf("run(%q) printed %q, want 4 files with 1 syntax error", args, got)
		}
	}
}
