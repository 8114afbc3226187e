package modfetch

import (
	"archive/tar"
	"archive/zip"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// extractor writes archive entries below one directory, through an
// os.Root, within a budget of bytes and entries.
type extractor struct {
	root    *os.Root
	left    int64 // bytes that may still be written
	max     int64
	entries int
}

// extract unpacks the archive file of the given kind ("zip", "tar.gz",
// "tar.bz2", "tar") into dest, which must exist and be empty.
func extract(file, kind, dest string, maxBytes int64) error {
	root, err := os.OpenRoot(dest)
	if err != nil {
		return fmt.Errorf("open extraction directory: %w", err)
	}
	defer func() { _ = root.Close() }()
	x := &extractor{root: root, left: maxBytes, max: maxBytes}
	if kind == "zip" {
		return x.zip(file)
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("open archive: %w", err)
	}
	defer func() { _ = f.Close() }()
	var r io.Reader = f
	switch kind {
	case "tar.gz":
		gz, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("read gzip: %w", err)
		}
		defer func() { _ = gz.Close() }()
		r = gz
	case "tar.bz2":
		r = bzip2.NewReader(f)
	case "tar":
	default:
		return fmt.Errorf("%w: archive type %q", ErrUnsupported, kind)
	}
	return x.tar(r)
}

// entryName checks the name of an archive entry and returns it cleaned
// ("" for the archive's root directory).
func entryName(name string) (string, error) {
	switch {
	case name == "":
		return "", fmt.Errorf("%w: archive entry with an empty name", ErrRefused)
	case strings.ContainsAny(name, "\x00"):
		return "", fmt.Errorf("%w: archive entry %q has a NUL byte in its name", ErrRefused, name)
	case strings.Contains(name, `\`):
		return "", fmt.Errorf("%w: archive entry %q has a backslash in its name", ErrRefused, name)
	case strings.HasPrefix(name, "/") || (len(name) >= 2 && name[1] == ':'):
		return "", fmt.Errorf("%w: archive entry %q has an absolute path", ErrRefused, name)
	}
	for _, el := range strings.Split(name, "/") {
		if el == ".." {
			return "", fmt.Errorf("%w: archive entry %q has a \"..\" path element", ErrRefused, name)
		}
	}
	clean := path.Clean(name)
	if clean == "." {
		return "", nil
	}
	return clean, nil
}

func (x *extractor) count(name string) error {
	x.entries++
	if x.entries > maxEntries {
		return fmt.Errorf("%w: more than %d archive entries (at %q)", ErrRefused, maxEntries, name)
	}
	return nil
}

func (x *extractor) mkdir(name string) error {
	if name == "" {
		return nil
	}
	if err := x.root.MkdirAll(name, 0o755); err != nil {
		return fmt.Errorf("create directory %q: %w", name, err)
	}
	return nil
}

// write copies r into the regular file name, within the byte budget;
// the file is 0755 when executable, else 0644.
func (x *extractor) write(name string, executable bool, r io.Reader) error {
	if name == "" {
		return fmt.Errorf("%w: archive file entry names the root directory", ErrRefused)
	}
	if dir := path.Dir(name); dir != "." {
		if err := x.mkdir(dir); err != nil {
			return err
		}
	}
	perm := fs.FileMode(0o644)
	if executable {
		perm = 0o755
	}
	f, err := x.root.OpenFile(name, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, perm)
	if err != nil {
		return fmt.Errorf("create %q: %w", name, err)
	}
	n, err := io.Copy(f, io.LimitReader(r, x.left+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %q: %w", name, err)
	}
	if n > x.left {
		return fmt.Errorf("%w: extracted size exceeds the limit of %d bytes at %q (decompression bomb?)", ErrRefused, x.max, name)
	}
	x.left -= n
	return nil
}

func (x *extractor) tar(r io.Reader) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if errors.Is(err, tar.ErrInsecurePath) {
			return fmt.Errorf("%w: archive entry %q has an insecure path", ErrRefused, hdr.Name)
		}
		if err != nil {
			return fmt.Errorf("read tar: %w", err)
		}
		if hdr.Typeflag == tar.TypeXGlobalHeader {
			continue
		}
		if err := x.count(hdr.Name); err != nil {
			return err
		}
		name, err := entryName(hdr.Name)
		if err != nil {
			return err
		}
		switch hdr.Typeflag {
		case tar.TypeDir:
			err = x.mkdir(name)
		case tar.TypeReg, tar.TypeRegA: //nolint:staticcheck // TypeRegA is deprecated but old archives still use it
			err = x.write(name, hdr.Mode&0o111 != 0, tr)
		case tar.TypeSymlink:
			err = fmt.Errorf("%w: archive entry %q is a symbolic link (to %q)", ErrRefused, hdr.Name, hdr.Linkname)
		case tar.TypeLink:
			err = fmt.Errorf("%w: archive entry %q is a hard link (to %q)", ErrRefused, hdr.Name, hdr.Linkname)
		case tar.TypeChar, tar.TypeBlock:
			err = fmt.Errorf("%w: archive entry %q is a device file", ErrRefused, hdr.Name)
		case tar.TypeFifo:
			err = fmt.Errorf("%w: archive entry %q is a FIFO", ErrRefused, hdr.Name)
		default:
			err = fmt.Errorf("%w: archive entry %q has the unsupported type %q", ErrRefused, hdr.Name, hdr.Typeflag)
		}
		if err != nil {
			return err
		}
	}
}

func (x *extractor) zip(file string) error {
	zr, err := zip.OpenReader(file)
	if errors.Is(err, zip.ErrInsecurePath) {
		// The names are checked one by one below, with a clearer error.
		err = nil
	}
	if err != nil {
		return fmt.Errorf("read zip: %w", err)
	}
	defer func() { _ = zr.Close() }()
	for _, zf := range zr.File {
		if err := x.count(zf.Name); err != nil {
			return err
		}
		name, err := entryName(zf.Name)
		if err != nil {
			return err
		}
		mode := zf.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			return fmt.Errorf("%w: archive entry %q is a symbolic link", ErrRefused, zf.Name)
		case mode.IsDir():
			if err := x.mkdir(name); err != nil {
				return err
			}
		case mode.IsRegular():
			rc, err := zf.Open()
			if err != nil {
				return fmt.Errorf("read zip entry %q: %w", zf.Name, err)
			}
			err = x.write(name, mode&0o111 != 0, rc)
			if cerr := rc.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("read zip entry %q: %w", zf.Name, cerr)
			}
			if err != nil {
				return err
			}
		default:
			return fmt.Errorf("%w: archive entry %q is a special file (%v)", ErrRefused, zf.Name, mode.Type())
		}
	}
	return nil
}
