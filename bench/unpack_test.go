package bench_test

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// maxCorpusFile is the largest file unpacked from the corpus archive.
const maxCorpusFile = 64 << 20

// unpack extracts the regular files and directories of the .tar.gz
// archive into dir (the real corpus: a tree of text files).
func unpack(archive, dir string) error {
	f, err := os.Open(archive)
	if err != nil {
		return fmt.Errorf("open corpus: %w", err)
	}
	defer func() { _ = f.Close() }()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", archive, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", archive, err)
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) || strings.Contains(h.Name, "\\") {
			return fmt.Errorf("%s: entry %q leaves the directory", archive, h.Name)
		}
		p := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return fmt.Errorf("unpack: %w", err)
			}
		case tar.TypeReg:
			if h.Size > maxCorpusFile {
				return fmt.Errorf("%s: entry %q is %d bytes", archive, h.Name, h.Size)
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return fmt.Errorf("unpack: %w", err)
			}
			b, err := io.ReadAll(io.LimitReader(tr, maxCorpusFile))
			if err != nil {
				return fmt.Errorf("%s: %w", archive, err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				return fmt.Errorf("unpack: %w", err)
			}
		}
	}
}
