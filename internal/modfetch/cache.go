package modfetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

const (
	metaFile  = "spillway-module.json"
	pkgDir    = "pkg"
	tmpDir    = ".tmp"
	staleTemp = 24 * time.Hour
)

// entryMeta is the spillway-module.json of a cache entry.
type entryMeta struct {
	Key      string    `json:"key"`                // the normalized source the entry holds
	Version  string    `json:"version,omitempty"`  // registry version or git ref
	Commit   string    `json:"commit,omitempty"`   // git commit checked out
	Location string    `json:"location,omitempty"` // where the package was downloaded from
	Subdir   string    `json:"subdir,omitempty"`   // subdirectory named by the package location
	Fetched  time.Time `json:"fetched"`
}

func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// lookup returns the metadata of a complete cache entry, or false when
// there is none (or only an untrusted directory without metadata).
func lookup(entry string) (*entryMeta, bool) {
	b, err := os.ReadFile(filepath.Join(entry, metaFile))
	if err != nil {
		return nil, false
	}
	var m entryMeta
	if json.Unmarshal(b, &m) != nil {
		return nil, false
	}
	fi, err := os.Stat(filepath.Join(entry, pkgDir))
	if err != nil || !fi.IsDir() {
		return nil, false
	}
	return &m, true
}

// fillFunc downloads a package into pkg (an empty directory), using
// scratch for temporary files, and describes it.
type fillFunc func(ctx context.Context, scratch, pkg string) (*entryMeta, error)

// install returns the cache entry at entry, building it with fill when it
// is missing and the network is allowed. Concurrent calls for one entry
// build it once.
func (f *Fetcher) install(ctx context.Context, entry string, fill fillFunc) (*entryMeta, error) {
	v, err := f.once(ctx, "entry\x00"+entry, func() (any, error) {
		if m, ok := lookup(entry); ok {
			return m, nil
		}
		if !f.opts.Network {
			return nil, ErrNotCached
		}
		return f.build(ctx, entry, fill)
	})
	if err != nil {
		return nil, err
	}
	return v.(*entryMeta), nil
}

func (f *Fetcher) build(ctx context.Context, entry string, fill fillFunc) (*entryMeta, error) {
	cache, err := f.cacheRoot()
	if err != nil {
		return nil, err
	}
	tmpRoot := filepath.Join(cache, tmpDir)
	if err := os.MkdirAll(tmpRoot, 0o750); err != nil {
		return nil, fmt.Errorf("create the module cache: %w", err)
	}
	f.cleaned.Do(func() { cleanStale(tmpRoot, time.Now().Add(-staleTemp)) })
	scratch, err := os.MkdirTemp(tmpRoot, "fetch-")
	if err != nil {
		return nil, fmt.Errorf("create a temporary directory in the module cache: %w", err)
	}
	defer func() { _ = os.RemoveAll(scratch) }()
	staged := filepath.Join(scratch, "entry")
	pkg := filepath.Join(staged, pkgDir)
	if err := os.MkdirAll(pkg, 0o750); err != nil {
		return nil, fmt.Errorf("create a temporary directory in the module cache: %w", err)
	}
	meta, err := fill(ctx, scratch, pkg)
	if err != nil {
		return nil, err
	}
	meta.Key = entryKey(cache, entry)
	meta.Fetched = time.Now().UTC()
	b, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode cache metadata: %w", err)
	}
	if err := os.WriteFile(filepath.Join(staged, metaFile), append(b, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("write cache metadata: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(entry), 0o750); err != nil {
		return nil, fmt.Errorf("create the module cache: %w", err)
	}
	if err := os.Rename(staged, entry); err != nil {
		// Another process may have installed the entry meanwhile.
		if m, ok := lookup(entry); ok {
			return m, nil
		}
		// An untrusted leftover (no metadata): move it aside and retry.
		if _, serr := os.Lstat(entry); serr == nil {
			if os.Rename(entry, filepath.Join(scratch, "stale")) == nil {
				if err2 := os.Rename(staged, entry); err2 == nil {
					return meta, nil
				}
			}
		}
		return nil, fmt.Errorf("move the module into the cache: %w", err)
	}
	return meta, nil
}

func entryKey(cache, entry string) string {
	rel, err := filepath.Rel(cache, entry)
	if err != nil {
		return entry
	}
	return filepath.ToSlash(rel)
}

// cleanStale removes temporary directories last changed before cutoff;
// younger ones may belong to a running fetch of another process.
func cleanStale(tmpRoot string, cutoff time.Time) {
	ents, err := os.ReadDir(tmpRoot)
	if err != nil {
		return
	}
	for _, e := range ents {
		info, err := e.Info()
		if err != nil || info.ModTime().After(cutoff) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(tmpRoot, e.Name()))
	}
}

// within reports whether p is root or below it (both cleaned, absolute).
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// subdirOf returns the directory selected by the subdirectory paths subs
// (slash separated, joined in order) inside root. An element may be a
// glob that must match exactly one directory.
func subdirOf(root string, subs ...string) (string, error) {
	var elems []string
	for _, s := range subs {
		if s != "" {
			elems = append(elems, s)
		}
	}
	if len(elems) == 0 {
		return root, nil
	}
	sub := path.Join(elems...)
	if strings.Contains(sub, `\`) || path.IsAbs(sub) || sub == ".." || strings.HasPrefix(sub, "../") {
		return "", fmt.Errorf("%w: subdirectory %q leaves the package", ErrRefused, sub)
	}
	if sub == "." {
		return root, nil
	}
	dir := filepath.Join(root, filepath.FromSlash(sub))
	if strings.ContainsAny(sub, "*?[") {
		matches, err := filepath.Glob(dir)
		if err != nil {
			return "", fmt.Errorf("subdirectory pattern %q: %w", sub, err)
		}
		var dirs []string
		for _, m := range matches {
			if fi, err := os.Stat(m); err == nil && fi.IsDir() {
				dirs = append(dirs, m)
			}
		}
		if len(dirs) != 1 {
			return "", fmt.Errorf("subdirectory pattern %q matches %d directories, want 1", sub, len(dirs))
		}
		dir = dirs[0]
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", fmt.Errorf("package root: %w", err)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("subdirectory %q not found in the package", sub)
		}
		return "", fmt.Errorf("subdirectory %q: %w", sub, err)
	}
	if !within(realRoot, real) {
		return "", fmt.Errorf("%w: subdirectory %q leaves the package", ErrRefused, sub)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", fmt.Errorf("subdirectory %q: %w", sub, err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("subdirectory %q of the package is not a directory", sub)
	}
	return dir, nil
}
