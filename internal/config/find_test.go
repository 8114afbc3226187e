package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/config"
)

// tree creates dirs and files (paths ending in config.FileName) under a
// new temporary directory and returns it.
func tree(t *testing.T, paths ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o750); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("# test\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFind(t *testing.T) {
	t.Parallel()
	root := tree(t,
		".spillway.hcl",
		"a/.spillway.hcl",
		"a/b/c/",
		"a/b/main.tf",
		"x/y/",
		"d/.spillway.hcl/", // a directory, not a configuration file
		"d/e/",
	)
	tests := []struct {
		name, start, want string
	}{
		{"in the start directory", "a", "a/.spillway.hcl"},
		{"nearest parent wins", "a/b/c", "a/.spillway.hcl"},
		{"root of the tree", "x/y", ".spillway.hcl"},
		{"start is the tree root", ".", ".spillway.hcl"},
		{"directory with the name is passed over", "d/e", ".spillway.hcl"},
		{"start is a file", "a/b/main.tf", "a/.spillway.hcl"},
		{"start does not exist", "a/b/missing", "a/.spillway.hcl"},
		{"unclean start", "a/b/c/../../b/./c/", "a/.spillway.hcl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok, err := config.Find(filepath.Join(root, filepath.FromSlash(tt.start)))
			if err != nil || !ok {
				t.Fatalf("Find() = %q, %t, %v; want a file", got, ok, err)
			}
			if want := filepath.Join(root, filepath.FromSlash(tt.want)); got != want {
				t.Errorf("Find() = %q, want %q", got, want)
			}
		})
	}
}

func TestFindNone(t *testing.T) {
	t.Parallel()
	root := tree(t, "a/b/", "a/main.tf")
	got, ok, err := config.Find(filepath.Join(root, "a", "b"))
	if err != nil {
		t.Fatal(err)
	}
	if ok && !strings.HasPrefix(got, root) {
		t.Skipf("a directory above the test's holds %s: %s", config.FileName, got)
	}
	if ok || got != "" {
		t.Errorf("Find() = %q, %t; want none", got, ok)
	}
}

// TestFindRelative changes the working directory, so it cannot run in
// parallel.
func TestFindRelative(t *testing.T) {
	root := tree(t, ".spillway.hcl", "a/b/")
	t.Chdir(filepath.Join(root, "a", "b"))
	got, ok, err := config.Find(".")
	if err != nil || !ok {
		t.Fatalf("Find() = %q, %t, %v; want a file", got, ok, err)
	}
	// The temporary directory may sit behind a symbolic link (macOS).
	want, err := filepath.EvalSymlinks(filepath.Join(root, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if gotReal, err := filepath.EvalSymlinks(got); err != nil || gotReal != want || !filepath.IsAbs(got) {
		t.Errorf("Find() = %q, want the absolute path of %q", got, want)
	}
}

// TestFindStopsAtRepositoryRoot: the search goes up to the nearest
// directory holding .git and no further (issue 16 item 10).
func TestFindStopsAtRepositoryRoot(t *testing.T) {
	t.Parallel()
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	sub := filepath.Join(repo, "infra", "prod")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, config.FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok, err := config.Find(sub); err != nil || ok {
		t.Errorf("Find(%s) = %q %v %v; the file above the repository root must not be used", sub, p, ok, err)
	}
	want := filepath.Join(repo, config.FileName)
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok, err := config.Find(sub); err != nil || !ok || p != want {
		t.Errorf("Find(%s) = %q %v %v, want %s", sub, p, ok, err, want)
	}
}
