package checker

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spillway-iac/spillway/internal/config"
)

// SourceRoot returns the directory that paths in fingerprints and in the
// reports read by code hosts are relative to (spec/cli.md): the
// repository root, that is the nearest directory holding .git from the
// first scanned path (or root, in --root mode) upward; else the first of
// fallbacks that is not empty (the directory of the config file, then of
// the baseline); else the scan root (the directory of the one scanned
// path, or the deepest directory holding all of them). cwd resolves
// relative paths; the result is absolute and clean.
func SourceRoot(cwd, root string, paths []string, fallbacks ...string) string {
	var dirs []string
	if root != "" {
		dirs = []string{dirOf(AbsPath(cwd, root))}
	} else {
		for _, p := range paths {
			dirs = append(dirs, dirOf(AbsPath(cwd, p)))
		}
	}
	if len(dirs) == 0 {
		dirs = []string{filepath.Clean(cwd)}
	}
	if repo, ok := RepoRoot(dirs[0]); ok {
		return repo
	}
	for _, f := range fallbacks {
		if f != "" {
			return filepath.Clean(AbsPath(cwd, f))
		}
	}
	common := dirs[0]
	for _, d := range dirs[1:] {
		for !within(common, d) {
			parent := filepath.Dir(common)
			if parent == common {
				break
			}
			common = parent
		}
	}
	return common
}

// dirOf is p itself when it is a directory (or does not exist and has no
// extension), else its directory.
func dirOf(p string) string {
	p = filepath.Clean(p)
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		return filepath.Dir(p)
	}
	return p
}

// RepoRoot returns the nearest directory from dir upward that holds .git
// (a directory, or the file of a worktree or submodule).
func RepoRoot(dir string) (string, bool) {
	dir = filepath.Clean(dir)
	for {
		if config.IsRepoRoot(dir) {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Rebase turns a file name shown relative to the directory from into one
// relative to the directory to, with "/" separators. Names that are not
// paths (empty, or "<...>" such as "<stdin>") are returned as they are; a
// name that cannot be expressed relative to to stays absolute.
func Rebase(from, to, name string) string {
	if name == "" || strings.HasPrefix(name, "<") || from == to {
		return name
	}
	abs := AbsPath(from, filepath.FromSlash(name))
	rel, err := filepath.Rel(to, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return path.Clean(filepath.ToSlash(rel))
}
