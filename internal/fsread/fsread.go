// Package fsread reads the files a user points spillway at (configuration,
// tfvars, the config file, baselines) without trusting them to be what
// their names say: only regular files are opened, so a FIFO, socket or
// device named main.tf is refused without blocking on it or reading it
// forever, and the size limit holds while reading, not only from stat, so
// a file that grows (or lies about its size) cannot exhaust memory.
package fsread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is returned for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned for a file above the size limit.
var ErrTooLarge = errors.New("above the size limit")

// File reads name from fsys when it is a regular file of at most max
// bytes (following symbolic links the way fsys does).
func File(fsys fs.FS, name string, max int64) ([]byte, error) {
	b, _, err := FileStat(fsys, name, max)
	return b, err
}

// FileStatRegular is FileStat for a file its directory listing reported
// as a regular file (not a symbolic link, FIFO or device): opening it cannot
// block, so it is opened first and the open file is stat'ed, which resolves
// its path once instead of twice (through an os.Root, every resolution opens
// each directory on the way). If the open fails, or the file turns out not
// to be regular, it falls back to FileStat, so results and errors are the
// same as FileStat's.
func FileStatRegular(fsys fs.FS, name string, max int64) ([]byte, fs.FileInfo, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return FileStat(fsys, name, max)
	}
	defer func() { _ = f.Close() }()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return FileStat(fsys, name, max)
	}
	if err := check(name, st, max); err != nil {
		return nil, st, err
	}
	b, err := readSized(name, f, st.Size(), max)
	return b, st, err
}

// FileStat is File that also returns what stat said about the file, nil
// when stat failed, so that a caller can explain a refusal (the file's
// type, its size) without a stat of its own.
func FileStat(fsys fs.FS, name string, max int64) ([]byte, fs.FileInfo, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, nil, fmt.Errorf("stat %s: %w", name, err)
	}
	if err := check(name, st, max); err != nil {
		return nil, st, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, st, fmt.Errorf("open %s: %w", name, err)
	}
	defer func() { _ = f.Close() }()
	b, err := readSized(name, f, st.Size(), max)
	return b, st, err
}

// readSized reads at most max bytes from r, a file stat said holds size
// bytes: into a buffer of that size (plus one byte to see whether the file
// grew), so reading the usual file allocates once.
func readSized(name string, r io.Reader, size, max int64) ([]byte, error) {
	if size <= 0 || size > max {
		return readLimited(name, r, max)
	}
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if len(b) == cap(b) {
			// The file grew: read the rest under the limit.
			rest, err := readLimited(name, r, max-int64(len(b)))
			if err != nil {
				if errors.Is(err, ErrTooLarge) {
					return nil, fmt.Errorf("%s grew past %d bytes while it was read: %w", name, max, ErrTooLarge)
				}
				return nil, err
			}
			return append(b, rest...), nil
		}
	}
}

// Path reads a file named by the user on the command line (a baseline, a
// var file, a config file given with -c), under the same rules.
func Path(p string, max int64) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", p, err)
	}
	if err := check(p, st, max); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Clean(p))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	defer func() { _ = f.Close() }()
	return readLimited(p, f, max)
}

func check(name string, st fs.FileInfo, max int64) error {
	switch {
	case st.IsDir():
		return fmt.Errorf("%s is a directory", name)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s: %w (%s)", name, ErrNotRegular, kind(st.Mode()))
	case st.Size() > max:
		return fmt.Errorf("%s is %d bytes, %w of %d bytes", name, st.Size(), ErrTooLarge, max)
	}
	return nil
}

func readLimited(name string, r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s grew past %d bytes while it was read: %w", name, max, ErrTooLarge)
	}
	return b, nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return m.Type().String()
}
