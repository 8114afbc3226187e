// Package safewrite writes files so that nothing a user has is lost: a
// crash, a full disk, a write error or a SIGKILL at any point leaves the
// target either as it was or as it is meant to be, never truncated or half
// written.
//
// A regular file is replaced by writing a temporary file in the target's
// own directory, syncing it, giving it the target's mode and owner, and
// renaming it over the target (then syncing the directory). A target that
// is a symbolic link is resolved first, so the write lands on the real
// file and the link stays a link. A target that is not a regular file (a
// device such as /dev/null, /dev/stdout, a pipe, a terminal) is written
// directly and never replaced by a rename.
//
// Writes inside a tree (Tree) go through an os.Root: every path, and
// every symbolic link on the way, is resolved inside the tree, so a link
// swapped in during a scan cannot make a write land outside it. A Batch
// stages every file of a multi-file change before it renames the first,
// checks that each target still holds the bytes the change was computed
// from, and puts back the files it already renamed if a later rename
// fails, so a change is applied whole or not at all.
//
// All file system calls go through the Ops interface, so tests can fail
// any one of them and check what is left on disk.
package safewrite

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// File is an open file, as Ops returns it.
type File interface {
	io.Writer
	Sync() error
	Close() error
	Chmod(mode fs.FileMode) error
	Chown(uid, gid int) error
}

// Ops are the file system operations of a write, on slash-separated
// paths relative to a directory tree. OS and a Root provide them; tests
// wrap them to inject failures.
type Ops interface {
	Lstat(name string) (fs.FileInfo, error)
	Stat(name string) (fs.FileInfo, error)
	Readlink(name string) (string, error)
	ReadFile(name string) ([]byte, error)
	// OpenFile opens a file with os.OpenFile's flags.
	OpenFile(name string, flag int, perm fs.FileMode) (File, error)
	Rename(oldname, newname string) error
	Remove(name string) error
	// SyncDir syncs a directory, so that a rename in it is durable.
	SyncDir(name string) error
}

// rootOps are Ops on an os.Root: every path stays inside it.
type rootOps struct{ r *os.Root }

// RootOps returns Ops that resolve every path inside r.
func RootOps(r *os.Root) Ops { return rootOps{r} }

func (o rootOps) Lstat(name string) (fs.FileInfo, error) { return o.r.Lstat(name) }
func (o rootOps) Stat(name string) (fs.FileInfo, error)  { return o.r.Stat(name) }
func (o rootOps) Readlink(name string) (string, error)   { return o.r.Readlink(name) }
func (o rootOps) ReadFile(name string) ([]byte, error)   { return o.r.ReadFile(name) }
func (o rootOps) Rename(a, b string) error               { return o.r.Rename(a, b) }
func (o rootOps) Remove(name string) error               { return o.r.Remove(name) }
func (o rootOps) OpenFile(name string, flag int, perm fs.FileMode) (File, error) {
	f, err := o.r.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return f, nil
}
func (o rootOps) SyncDir(name string) error {
	d, err := o.r.Open(name)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// maxLinks bounds the symbolic links followed to find a real file.
const maxLinks = 40

// Resolve follows symbolic links from name (relative to ops' tree) to the
// file a write must land on. A link that leads out of the tree is an
// error: nothing outside the tree is ever written.
func Resolve(ops Ops, name string) (string, error) {
	name = path.Clean(filepath.ToSlash(name))
	for range maxLinks {
		if !fs.ValidPath(name) {
			return "", fmt.Errorf("%s is outside the scanned tree", name)
		}
		st, err := ops.Lstat(name)
		if errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
		if err != nil {
			return "", fmt.Errorf("stat %s: %w", name, err)
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return name, nil
		}
		target, err := ops.Readlink(name)
		if err != nil {
			return "", fmt.Errorf("read link %s: %w", name, err)
		}
		if filepath.IsAbs(target) || strings.HasPrefix(filepath.ToSlash(target), "/") {
			return "", fmt.Errorf("%s links to %s, outside the scanned tree", name, target)
		}
		name = path.Clean(path.Join(path.Dir(name), filepath.ToSlash(target)))
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", name)
}

// staged is a file written next to its target, waiting to be renamed.
type staged struct {
	ops    Ops
	target string
	temp   string
	old    []byte
	oldOK  bool
}

// Change is one file of a Batch: the new content of Name, computed from
// Old (nil for a file that need not exist before).
type Change struct {
	// Ops, when set, is the tree Name is in; Batch's ops otherwise.
	Ops  Ops
	Name string
	Old  []byte
	New  []byte
}

// Batch writes a multi-file change through ops whole or not at all. Every
// target is resolved (links followed inside the tree), checked to be a
// regular file holding exactly Old, and its new content written and synced
// to a temporary file beside it before the first rename. A failure before
// the renames leaves every target untouched; a failed rename puts the
// already renamed targets back to their old content. It returns the
// resolved names of the files it changed.
func Batch(ops Ops, changes []Change) ([]string, error) {
	var st []staged
	cleanup := func() {
		for _, s := range st {
			_ = s.ops.Remove(s.temp)
		}
	}
	seen := map[any]bool{}
	for _, c := range changes {
		ops := ops
		if c.Ops != nil {
			ops = c.Ops
		}
		real, err := Resolve(ops, c.Name)
		if err != nil {
			cleanup()
			return nil, err
		}
		info, err := ops.Stat(real)
		if err != nil {
			cleanup()
			return nil, fmt.Errorf("stat %s: %w", real, err)
		}
		// One file reachable under two names (a link, a hard link, a path
		// given twice) must not be written twice from the same old bytes.
		id := identity(ops, real, info)
		if seen[id] {
			cleanup()
			return nil, fmt.Errorf("%s is changed twice (two names for one file)", real)
		}
		seen[id] = true
		if !info.Mode().IsRegular() {
			cleanup()
			return nil, fmt.Errorf("%s is not a regular file", real)
		}
		cur, err := ops.ReadFile(real)
		if err != nil {
			cleanup()
			return nil, fmt.Errorf("read %s: %w", real, err)
		}
		if !bytes.Equal(cur, c.Old) {
			cleanup()
			return nil, fmt.Errorf("%s changed since it was analyzed", real)
		}
		tmp, err := writeTemp(ops, real, info, bytesWriter(c.New))
		if err != nil {
			cleanup()
			return nil, err
		}
		st = append(st, staged{ops: ops, target: real, temp: tmp, old: cur, oldOK: true})
	}
	for i, s := range st {
		if err := s.ops.Rename(s.temp, s.target); err != nil {
			// Put back what was already replaced, from the bytes it held.
			var undo []error
			for _, done := range st[:i] {
				info, serr := done.ops.Stat(done.target)
				if serr != nil {
					undo = append(undo, serr)
					continue
				}
				if uerr := replace(done.ops, done.target, info, bytesWriter(done.old)); uerr != nil {
					undo = append(undo, uerr)
				}
			}
			for _, rest := range st[i:] {
				_ = rest.ops.Remove(rest.temp)
			}
			if len(undo) > 0 {
				return nil, fmt.Errorf("rename %s: %w (and restoring the files already changed failed: %w)", s.target, err, errors.Join(undo...))
			}
			return nil, fmt.Errorf("rename %s: %w; no file was changed", s.target, err)
		}
	}
	var names []string
	var syncErr error
	type dir struct {
		ops  Ops
		name string
	}
	synced := map[dir]bool{}
	for _, s := range st {
		names = append(names, s.target)
		d := dir{s.ops, path.Dir(s.target)}
		if synced[d] {
			continue
		}
		synced[d] = true
		if err := s.ops.SyncDir(d.name); err != nil && syncErr == nil {
			syncErr = fmt.Errorf("sync %s: %w", d.name, err)
		}
	}
	return names, syncErr
}

// FileID identifies a file by device and inode: two names (a link, a hard
// link, a path given twice) of one file have the same FileID.
type FileID struct{ Dev, Ino uint64 }

// IDOf returns the FileID of a file from its stat result; ok is false
// where the platform gives none.
func IDOf(info fs.FileInfo) (id FileID, ok bool) {
	if sys, isStat := info.Sys().(*syscall.Stat_t); isStat && sys != nil {
		return FileID{uint64(sys.Dev), sys.Ino}, true //nolint:unconvert // Dev is not uint64 on every platform
	}
	return FileID{}, false
}

// identity returns the FileID of a file, or its resolved name where the
// platform gives none.
func identity(ops Ops, name string, info fs.FileInfo) any {
	if id, ok := IDOf(info); ok {
		return id
	}
	return struct {
		ops  Ops
		name string
	}{ops, name}
}

// writeTemp writes what write writes to a new temporary file beside
// target with the mode and owner of info, synced, and returns its name.
func writeTemp(ops Ops, target string, info fs.FileInfo, write func(io.Writer) error) (string, error) {
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", fmt.Errorf("temporary name: %w", err)
	}
	tmp := path.Join(path.Dir(target), "."+path.Base(target)+".spillway-"+hex.EncodeToString(rnd[:]))
	f, err := ops.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("create temporary file for %s: %w", target, err)
	}
	fail := func(err error) (string, error) {
		_ = f.Close()
		_ = ops.Remove(tmp)
		return "", fmt.Errorf("write %s: %w", target, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if info != nil {
		if err := f.Chmod(info.Mode().Perm()); err != nil {
			return fail(err)
		}
		if sys, ok := info.Sys().(*syscall.Stat_t); ok && sys != nil {
			// Keeping the owner needs privileges when it is not ours;
			// without them the file keeps ours, as any editor does.
			_ = f.Chown(int(sys.Uid), int(sys.Gid))
		}
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		_ = ops.Remove(tmp)
		return "", fmt.Errorf("write %s: %w", target, err)
	}
	return tmp, nil
}

// replace atomically replaces a regular file's content.
func replace(ops Ops, target string, info fs.FileInfo, write func(io.Writer) error) error {
	tmp, err := writeTemp(ops, target, info, write)
	if err != nil {
		return err
	}
	if err := ops.Rename(tmp, target); err != nil {
		_ = ops.Remove(tmp)
		return fmt.Errorf("rename %s: %w", target, err)
	}
	return ops.SyncDir(path.Dir(target))
}

// WriteFile writes data to name (relative to ops' tree) safely: through
// a temporary file and a rename for a regular or new file, resolving
// symbolic links inside the tree, and directly for a file that is not
// regular (a device, a pipe). A new file gets mode perm.
func WriteFile(ops Ops, name string, data []byte, perm fs.FileMode) error {
	return WriteFileFunc(ops, name, perm, bytesWriter(data))
}

// bytesWriter is the write function that writes data.
func bytesWriter(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// WriteFileFunc is WriteFile with the content written by write, as it is
// produced: a report of a large tree is never held in memory whole. If
// write fails, a regular file keeps its old content (the temporary file
// is removed); a file that is not regular may have received part of it.
func WriteFileFunc(ops Ops, name string, perm fs.FileMode, write func(io.Writer) error) error {
	real, err := Resolve(ops, name)
	if err != nil {
		return err
	}
	info, err := ops.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		info = nil
	case err != nil:
		return fmt.Errorf("stat %s: %w", real, err)
	case info.IsDir():
		return fmt.Errorf("%s is a directory", real)
	case !info.Mode().IsRegular():
		return writeDirect(ops, real, write)
	}
	if info == nil {
		info = newFileInfo{perm}
	}
	return replace(ops, real, info, write)
}

// writeDirect writes to a file that is not regular, without creating or
// truncating anything.
func writeDirect(ops Ops, name string, write func(io.Writer) error) error {
	f, err := ops.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// newFileInfo stands for a file that does not exist yet: only its mode
// is used.
type newFileInfo struct{ perm fs.FileMode }

func (n newFileInfo) Name() string       { return "" }
func (n newFileInfo) Size() int64        { return 0 }
func (n newFileInfo) Mode() fs.FileMode  { return n.perm }
func (n newFileInfo) ModTime() time.Time { return time.Time{} }
func (n newFileInfo) IsDir() bool        { return false }
func (n newFileInfo) Sys() any           { return nil }

// WritePath writes data to a path given by the user (an -o report, a
// baseline), anywhere on disk, as WriteFile does: the tree is the
// directory of the resolved target.
func WritePath(p string, data []byte, perm fs.FileMode) error {
	return WritePathFunc(p, perm, bytesWriter(data))
}

// WritePathFunc is WritePath with the content written by write (see
// WriteFileFunc).
func WritePathFunc(p string, perm fs.FileMode, write func(io.Writer) error) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", p, err)
	}
	root, err := os.OpenRoot(filepath.Dir(abs))
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	defer func() { _ = root.Close() }()
	return WriteFileFunc(RootOps(root), filepath.Base(abs), perm, write)
}
