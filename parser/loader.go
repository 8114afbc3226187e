package parser

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/spillway-iac/spillway/internal/fsread"
)

// DefaultMaxFileSize is the largest configuration file the loader reads when
// Options.MaxFileSize is zero.
const DefaultMaxFileSize = 10 << 20

// Options configure a Loader.
type Options struct {
	// Prefix is prepended to every path inside the file system to form the
	// file names shown to users (relative to the current directory), for
	// example "infra" when the scanned tree is ./infra. Empty means the
	// scanned tree is the current directory.
	Prefix string
	// MaxFileSize is the size above which a file is not read; zero means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// Exclude reports whether a slash-separated path inside the file system
	// is excluded from the scan.
	Exclude func(p string) bool
	// Context, when set, stops the loader once it is done: Discover
	// stops walking, and files not read yet are not read (each gets a
	// "Scan canceled" error instead). The loader keeps what it read, so
	// a canceled loader's results are only good for reporting why the
	// scan stopped. Nil means no cancellation.
	Context context.Context
	// Jobs is how many directories Discover reads at once; less than
	// one means GOMAXPROCS.
	Jobs int
}

// File is one parsed configuration or variable file.
type File struct {
	// Path is the slash-separated path inside the scanned file system.
	Path string
	// Name is the file name used in ranges and reports.
	Name string
	// Bytes is the file content.
	Bytes []byte
	// HCL is the parsed file; nil when it could not be read.
	HCL *hcl.File
	// JSON reports whether the file uses the JSON syntax.
	JSON bool
	// Diags holds read and syntax problems.
	Diags hcl.Diagnostics
}

// Loader reads and parses files and modules from one scanned tree. It is
// safe for concurrent use; each file and module is loaded once.
type Loader struct {
	fsys fs.FS
	opts Options
	// mounts is fsys: the scanned tree plus the mounted module packages.
	mounts *mountFS

	mu        sync.Mutex
	files     map[string]*fileEntry
	modules   map[string]*moduleEntry
	byName    map[string]*File
	installed map[string]*installedEntry
	// listings are the directory listings Discover read, of the
	// directories it returned, each taken (and dropped) by the first
	// loadModule of the directory so that it is not listed twice.
	listings map[string][]fs.DirEntry
}

type fileEntry struct {
	once sync.Once
	file *File
}

type moduleEntry struct {
	once sync.Once
	mod  *Module
}

type installedEntry struct {
	once sync.Once
	mods map[string]string
}

// NewLoader returns a loader over fsys.
func NewLoader(fsys fs.FS, opts Options) *Loader {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	mfs := newMountFS(fsys)
	return &Loader{
		fsys:      mfs,
		mounts:    mfs,
		opts:      opts,
		files:     map[string]*fileEntry{},
		modules:   map[string]*moduleEntry{},
		byName:    map[string]*File{},
		installed: map[string]*installedEntry{},
	}
}

// FS returns the file system the loader reads: the scanned tree, with
// the packages of Mount under MountDir.
func (l *Loader) FS() fs.FS { return l.fsys }

// DisplayName turns a path inside the file system into the name shown to
// users. A path inside a mounted package is shown as the package's
// display name followed by the path inside the package.
func (l *Loader) DisplayName(p string) string {
	if name, ok := l.mountDisplay(p); ok {
		return name
	}
	if l.opts.Prefix == "" || l.opts.Prefix == "." {
		return p
	}
	if p == "." || p == "" {
		return l.opts.Prefix
	}
	return path.Join(l.opts.Prefix, p)
}

// Source returns the bytes of a loaded file by its display name, for
// rendering snippets. It returns nil for files that were not loaded.
func (l *Loader) Source(name string) []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f := l.byName[name]; f != nil {
		return f.Bytes
	}
	return nil
}

// IsConfigFile reports whether name is a Terraform or OpenTofu
// configuration file name. Hidden files (such as the .#main.tf lock files
// of editors) are not, as Terraform ignores them.
func IsConfigFile(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json") ||
		strings.HasSuffix(name, ".tofu") || strings.HasSuffix(name, ".tofu.json")
}

func isJSONName(name string) bool { return strings.HasSuffix(name, ".json") }

// ReadFile reads and parses one file as configuration (HCL or JSON by
// suffix). The result is cached.
func (l *Loader) ReadFile(p string) *File {
	return l.readFileOnce(p, false)
}

// readFileOnce is ReadFile; regular says that the directory listing
// reported p as a regular file (see fsread.FileStatRegular).
func (l *Loader) readFileOnce(p string, regular bool) *File {
	l.mu.Lock()
	e := l.files[p]
	if e == nil {
		e = &fileEntry{}
		l.files[p] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		e.file = l.readFile(p, regular)
		l.mu.Lock()
		l.byName[e.file.Name] = e.file
		l.mu.Unlock()
	})
	return e.file
}

// ReadBytes reads a file that is not configuration (a template, a policy
// document) through the loader's size limit, without parsing it.
func (l *Loader) ReadBytes(p string) ([]byte, error) {
	if err := l.canceled(); err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	st, err := fs.Stat(l.fsys, p)
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", p, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", p)
	}
	if st.Size() > l.opts.MaxFileSize {
		return nil, fmt.Errorf("%s is %d bytes, above the limit of %d", p, st.Size(), l.opts.MaxFileSize)
	}
	b, err := fsread.File(l.fsys, p, l.opts.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("read %w", err)
	}
	return b, nil
}

// canceled returns the error of the loader's context once it is done.
func (l *Loader) canceled() error {
	if l.opts.Context == nil {
		return nil
	}
	if err := l.opts.Context.Err(); err != nil {
		return fmt.Errorf("%w", err)
	}
	return nil
}

func (l *Loader) readFile(p string, regular bool) *File {
	f := &File{Path: p, Name: l.DisplayName(p), JSON: isJSONName(p)}
	fileRange := &hcl.Range{Filename: f.Name, Start: hcl.InitialPos, End: hcl.InitialPos}
	if err := l.canceled(); err != nil {
		f.Diags = append(f.Diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Scan canceled",
			Detail:   fmt.Sprintf("The file was not read because the scan stopped: %s.", err),
			Subject:  fileRange,
		})
		return f
	}
	// One stat, by fsread: a FIFO or device is refused before it is
	// opened, and the size limit holds while reading.
	read := fsread.FileStat
	if regular {
		read = fsread.FileStatRegular
	}
	b, st, err := read(l.fsys, p, l.opts.MaxFileSize)
	switch {
	case st == nil:
		f.Diags = append(f.Diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unreadable file",
			Detail:   fmt.Sprintf("The file could not be read: %s. Check its permissions, or exclude it with --exclude.", cleanErr(err)),
			Subject:  fileRange,
		})
		return f
	case !st.Mode().IsRegular():
		f.Diags = append(f.Diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Not a regular file",
			Detail:   fmt.Sprintf("The path is not a regular file (%s) and was not opened. Remove it, or exclude it with --exclude.", st.Mode().Type()),
			Subject:  fileRange,
		})
		return f
	case st.Size() > l.opts.MaxFileSize:
		f.Diags = append(f.Diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "File too large",
			Detail: fmt.Sprintf("The file is %d bytes, above the limit of %d bytes, and was not read. Raise the limit with --max-file-size, or exclude the file with --exclude.",
				st.Size(), l.opts.MaxFileSize),
			Subject: fileRange,
		})
		return f
	case err != nil:
		f.Diags = append(f.Diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unreadable file",
			Detail:   fmt.Sprintf("The file could not be read: %s. Check its permissions, or exclude it with --exclude.", cleanErr(err)),
			Subject:  fileRange,
		})
		return f
	}
	f.Bytes = b
	f.HCL, f.Diags = parseSource(f.Name, b, f.JSON)
	return f
}

// parseSource checks and parses one file: text that is not UTF-8, input
// nested deeper than the parsers can take, and a panic inside them all
// become error diagnostics, never a crash.
func parseSource(name string, src []byte, jsonSyntax bool) (file *hcl.File, diags hcl.Diagnostics) {
	if d := checkText(name, src); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	mode := NestConfig
	if jsonSyntax {
		mode = NestJSON
	}
	if d := CheckNesting(src, name, hcl.InitialPos, mode); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	defer func() {
		if rec := recover(); rec != nil {
			file = nil
			diags = hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Parser failure",
				Detail:   fmt.Sprintf("The HCL parser failed on %s (%v), so the file was skipped. Please report this with the file; exclude it with --exclude meanwhile.", name, rec),
				Subject:  &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
			}}
		}
	}()
	if jsonSyntax {
		return hcljson.Parse(src, name)
	}
	return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
}

// checkText rejects binary content and invalid UTF-8 with a positioned
// diagnostic, before the HCL scanner sees it.
func checkText(name string, b []byte) *hcl.Diagnostic {
	if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid UTF-8",
				Detail:   "The file is not valid UTF-8 text; it may be a binary file with a configuration file name. Configuration files must be UTF-8 encoded.",
				Subject:  posRange(name, line, col, i),
			}
		}
		if r == 0 {
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Binary file",
				Detail:   "The file contains a NUL byte, so it is not a text file. Rename or exclude binary files that carry a configuration file name.",
				Subject:  posRange(name, line, col, i),
			}
		}
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
		i += size
	}
	return nil
}

func posRange(name string, line, col, byteOff int) *hcl.Range {
	p := hcl.Pos{Line: line, Column: col, Byte: byteOff}
	return &hcl.Range{Filename: name, Start: p, End: hcl.Pos{Line: line, Column: col + 1, Byte: byteOff + 1}}
}

// cleanErr drops the Go-specific operation prefix of fs errors.
func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readDir lists dir, with the listing Discover read if it is still kept.
func (l *Loader) readDir(dir string) ([]fs.DirEntry, error) {
	l.mu.Lock()
	es, ok := l.listings[dir]
	if ok {
		delete(l.listings, dir)
	}
	l.mu.Unlock()
	if ok {
		return es, nil
	}
	es, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return es, fmt.Errorf("%w", err)
	}
	return es, nil
}

// Module loads the module in dir (a slash-separated path inside the file
// system). The result is cached and shared by every caller.
func (l *Loader) Module(dir string) *Module {
	dir = path.Clean(dir)
	l.mu.Lock()
	e := l.modules[dir]
	if e == nil {
		e = &moduleEntry{}
		l.modules[dir] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.mod = l.loadModule(dir) })
	return e.mod
}

// ResolveLocalSource resolves a local module source ("./x", "../x")
// relative to the calling module's directory. ok is false when the result
// leaves the scanned tree.
func ResolveLocalSource(callerDir, source string) (dir string, ok bool) {
	d := path.Clean(path.Join(callerDir, source))
	if d == ".." || strings.HasPrefix(d, "../") || path.IsAbs(d) {
		return "", false
	}
	return d, true
}

// IsLocalSource reports whether a module source is a local path.
func IsLocalSource(source string) bool {
	return strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../") ||
		source == "." || source == ".."
}

// InstalledModules returns the module directories recorded by
// `terraform init` in rootDir/.terraform/modules/modules.json, keyed by the
// dotted module path ("a.b"). Directories are paths inside the file system.
func (l *Loader) InstalledModules(rootDir string) map[string]string {
	l.mu.Lock()
	e := l.installed[rootDir]
	if e == nil {
		e = &installedEntry{}
		l.installed[rootDir] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		e.mods = map[string]string{}
		b, err := l.ReadBytes(path.Join(rootDir, ".terraform/modules/modules.json"))
		if err != nil {
			return
		}
		var manifest struct {
			Modules []struct {
				Key string `json:"Key"`
				Dir string `json:"Dir"`
			} `json:"Modules"`
		}
		if json.Unmarshal(b, &manifest) != nil {
			return
		}
		for _, m := range manifest.Modules {
			if m.Key == "" {
				continue
			}
			d, ok := ResolveLocalSource(rootDir, m.Dir)
			if !ok {
				continue
			}
			e.mods[m.Key] = d
		}
	})
	return e.mods
}

// ParseVarFile parses a variable definitions file given on the command
// line (HCL, or JSON when the name ends in .json). name is used in ranges.
func ParseVarFile(name string, src []byte) *File {
	f := &File{Path: name, Name: name, Bytes: src, JSON: isJSONName(name)}
	f.HCL, f.Diags = parseSource(name, src, f.JSON)
	return f
}

// RootModules returns the directories that no other scanned directory
// calls as a local module (every directory with allDirs). Directories only
// reachable through a cycle become roots too, so the cycle is reported.
func (l *Loader) RootModules(dirs []string, allDirs bool) []string {
	if allDirs {
		return append([]string(nil), dirs...)
	}
	return Roots(dirs, l.Calls(dirs), false)
}
