package parser

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// MountDir is the reserved directory of the loader's file system under
// which fetched module packages are mounted (see Loader.Mount). It lies
// inside a .terraform directory, so Discover never lists it and
// IsVendored is true for everything in it; a real directory of that name
// in the scanned tree is hidden by the mounts and never read.
const MountDir = ".terraform/spillway-modules"

// IsVendored reports whether the module directory dir (a path inside the
// loader's file system) is not owned by the user: a module that terraform
// init installed under a .terraform directory, or a package fetched into
// the module cache and mounted with Loader.Mount. Findings in such a
// module belong at the user's module call that leads to it; nothing in it
// may be edited. Module.Vendored holds the same answer.
func IsVendored(dir string) bool {
	dir = path.Clean(dir)
	return dir == ".terraform" || strings.HasPrefix(dir, ".terraform/") || strings.Contains(dir, "/.terraform/") || strings.HasSuffix(dir, "/.terraform")
}

// IsVendoredFile reports whether a file name as shown to users (a
// DisplayName) belongs to a module the user does not own: a file of a
// mounted package, or a file under a .terraform directory of the tree.
// Such files are never edited.
func (l *Loader) IsVendoredFile(name string) bool {
	if _, ok := l.mountPath(name); ok {
		return true
	}
	p := name
	if pre := l.opts.Prefix; pre != "" && pre != "." {
		if !strings.HasPrefix(name, pre+"/") {
			return false
		}
		p = strings.TrimPrefix(name, pre+"/")
	}
	return IsVendored(path.Dir(p))
}

// mountFS is the loader's file system: the scanned tree, with read-only
// module packages mounted under MountDir/<id>.
type mountFS struct {
	base fs.FS

	mu     sync.RWMutex
	mounts map[string]*mount // by id
	byName map[string]*mount // by display name
}

type mount struct {
	id      string
	dir     string // MountDir/id
	display string
	fsys    fs.FS
}

func newMountFS(base fs.FS) *mountFS {
	return &mountFS{base: base, mounts: map[string]*mount{}, byName: map[string]*mount{}}
}

// mountOf returns the mount holding name and the path inside it, or nil
// for a path of the scanned tree. ok is false for a path under MountDir
// that names no mount.
func (m *mountFS) mountOf(name string) (mt *mount, rest string, ok bool) {
	if !strings.HasPrefix(name, MountDir+"/") {
		return nil, name, true
	}
	id, rest, _ := strings.Cut(strings.TrimPrefix(name, MountDir+"/"), "/")
	if rest == "" {
		rest = "."
	}
	m.mu.RLock()
	mt = m.mounts[id]
	m.mu.RUnlock()
	if mt == nil {
		return nil, "", false
	}
	return mt, rest, true
}

func (m *mountFS) route(op, name string) (fs.FS, string, error) {
	if !fs.ValidPath(name) {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	mt, rest, ok := m.mountOf(name)
	if !ok {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	if mt == nil {
		return m.base, name, nil
	}
	return mt.fsys, rest, nil
}

// Open implements fs.FS.
func (m *mountFS) Open(name string) (fs.File, error) {
	fsys, p, err := m.route("open", name)
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	return f, nil
}

// Stat implements fs.StatFS.
func (m *mountFS) Stat(name string) (fs.FileInfo, error) {
	fsys, p, err := m.route("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	return st, nil
}

// ReadDir implements fs.ReadDirFS.
func (m *mountFS) ReadDir(name string) ([]fs.DirEntry, error) {
	fsys, p, err := m.route("readdir", name)
	if err != nil {
		return nil, err
	}
	es, err := fs.ReadDir(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	return es, nil
}

// Mount makes the module package fsys (a read-only file system rooted at
// the package's root, such as os.Root.FS of a directory in the module
// cache) readable through the loader, and returns the directory inside
// the loader's file system where its root appears. The directory lies
// under MountDir, so Discover never lists it, IsVendored is true for it,
// and file names in it are shown as display followed by the path in the
// package (display is typically "registry.terraform.io/acme/lambda/aws@1.2.0").
// Local module sources inside the package resolve within it only (see
// ResolveLocal). Mounting the same display name again returns the first
// mount. Files are read with the same limits as the scanned tree.
func (l *Loader) Mount(display string, fsys fs.FS) string {
	m := l.mounts
	m.mu.Lock()
	defer m.mu.Unlock()
	if mt := m.byName[display]; mt != nil {
		return mt.dir
	}
	sum := sha256.Sum256([]byte(display))
	id := hex.EncodeToString(sum[:8])
	mt := &mount{id: id, dir: MountDir + "/" + id, display: display, fsys: fsys}
	m.mounts[id] = mt
	m.byName[display] = mt
	return mt.dir
}

// Mounted returns the display names of the mounted packages, sorted.
func (l *Loader) Mounted() []string {
	m := l.mounts
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.byName))
	for n := range m.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// mountDisplay returns the display name of a path inside a mount.
func (l *Loader) mountDisplay(p string) (string, bool) {
	mt, rest, ok := l.mounts.mountOf(p)
	if !ok || mt == nil {
		return "", false
	}
	if rest == "." {
		return mt.display, true
	}
	return mt.display + "/" + rest, true
}

// mountPath maps a display name of a file in a mount back to its path
// inside the loader's file system.
func (l *Loader) mountPath(name string) (string, bool) {
	m := l.mounts
	m.mu.RLock()
	defer m.mu.RUnlock()
	best := ""
	var found *mount
	for d, mt := range m.byName {
		if strings.HasPrefix(name, d+"/") && len(d) > len(best) {
			best, found = d, mt
		}
	}
	if found == nil {
		return "", false
	}
	return found.dir + "/" + strings.TrimPrefix(name, best+"/"), true
}

// packageRoot returns the mount directory holding p, or "" when p is a
// path of the scanned tree.
func packageRoot(p string) string {
	if !strings.HasPrefix(p, MountDir+"/") {
		return ""
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(p, MountDir+"/"), "/")
	return MountDir + "/" + id
}

// ResolveLocal resolves a local module source ("./x", "../x") relative to
// the calling module's directory, as ResolveLocalSource does, and keeps
// the result inside what the caller may reach: a module of a mounted
// package reaches only its own package, and a module of the scanned tree
// reaches the tree but not the mounted packages. ok is false otherwise.
func (l *Loader) ResolveLocal(callerDir, source string) (dir string, ok bool) {
	d, ok := ResolveLocalSource(callerDir, source)
	if !ok {
		return "", false
	}
	root := packageRoot(path.Clean(callerDir))
	if root == "" {
		if d == MountDir || strings.HasPrefix(d, MountDir+"/") {
			return "", false
		}
		return d, true
	}
	if d != root && !strings.HasPrefix(d, root+"/") {
		return "", false
	}
	return d, true
}
