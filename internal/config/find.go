package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Find looks for FileName in the directory start and then in each parent
// directory up to the repository root (the nearest directory holding
// .git), or up to the root of the file system outside a repository, and
// returns the path of the first one found. The path is absolute and cleaned. ok is false when no
// directory holds the file; err is set when start cannot be made absolute
// or a directory on the way cannot be inspected (a permission error, for
// example). A directory named FileName is not a configuration file and is
// passed over; a start that is a file or does not exist is searched from
// its parent.
func Find(start string) (path string, ok bool, err error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", false, fmt.Errorf("find %s from %q: %w", FileName, start, err)
	}
	for {
		candidate := filepath.Join(dir, FileName)
		info, err := os.Stat(candidate)
		switch {
		case err == nil && !info.IsDir():
			return candidate, true, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
			return "", false, fmt.Errorf("find %s: %w", FileName, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir || IsRepoRoot(dir) {
			return "", false, nil
		}
		dir = parent
	}
}

// IsRepoRoot reports whether dir holds .git (a directory, or the file of
// a worktree or submodule): where the search for the config file stops,
// and what fingerprints and code-host paths are relative to (see
// checker.SourceRoot).
func IsRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}
