// Command gendocs writes docs/rules/SPWnnn.md for every rule of
// rules.Catalog from the rule's metadata in package rules, the single
// source of the docs, after checking the catalog with lint.Validate (which
// checks the structure of every rule's documentation with lint.CheckDoc).
// Run it with go generate ./rules.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

func main() {
	out := flag.String("out", "docs/rules", "output directory")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := lint.Validate(rules.Catalog); err != nil {
		return fmt.Errorf("invalid catalog: %w", err)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	want := map[string]bool{}
	for _, r := range rules.Catalog {
		name := r.ID + ".md"
		want[name] = true
		if err := os.WriteFile(filepath.Join(dir, name), []byte(r.Page()), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read %s: %w", dir, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "SPW") && strings.HasSuffix(e.Name(), ".md") && !want[e.Name()] {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return fmt.Errorf("remove stale %s: %w", e.Name(), err)
			}
		}
	}
	return nil
}
