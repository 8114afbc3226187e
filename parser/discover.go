package parser

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// Discover walks the tree from dir and returns every directory that holds
// configuration files, sorted. .terraform and .git directories and excluded
// paths are skipped. Directories are read by Options.Jobs workers at once:
// a walk of a large tree is mostly waiting on the file system, and nothing
// can be analyzed before it ends. The result does not depend on the order
// the reads finish in.
func (l *Loader) Discover(dir string) ([]string, hcl.Diagnostics) {
	jobs := l.opts.Jobs
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	w := &discovery{l: l, pending: []string{dir}, found: map[string]bool{}, listings: map[string][]fs.DirEntry{}}
	w.cond = sync.NewCond(&w.mu)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(w.work)
	}
	wg.Wait()
	if cerr := l.canceled(); cerr != nil && w.stopped {
		w.diags = append(w.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Scan canceled",
			Detail:   fmt.Sprintf("The tree was not walked to the end because the scan stopped: %s.", cerr),
			Subject:  &hcl.Range{Filename: l.DisplayName(dir), Start: hcl.InitialPos, End: hcl.InitialPos},
		})
	}
	var dirs []string
	for d := range w.found {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	// In the order a sequential walk meets them: the order of the
	// directories in the tree, segment by segment.
	sort.SliceStable(w.diags, func(i, j int) bool {
		return walkLess(w.diagPaths[w.diags[i]], w.diagPaths[w.diags[j]])
	})
	l.mu.Lock()
	if l.listings == nil {
		l.listings = map[string][]fs.DirEntry{}
	}
	for _, d := range dirs {
		if es, ok := w.listings[d]; ok {
			l.listings[d] = es
		}
	}
	l.mu.Unlock()
	return dirs, w.diags
}

// discovery is one walk of Discover: workers take directories from
// pending, read them, and add their subdirectories to it, until nothing is
// pending and no worker is reading (so a wide tree costs a slice of names,
// not a goroutine per directory).
type discovery struct {
	l *Loader

	mu        sync.Mutex
	cond      *sync.Cond
	pending   []string
	active    int
	found     map[string]bool
	listings  map[string][]fs.DirEntry
	diags     hcl.Diagnostics
	diagPaths map[*hcl.Diagnostic]string
	stopped   bool
}

// work is one worker's loop.
func (w *discovery) work() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for len(w.pending) == 0 && w.active > 0 {
			w.cond.Wait()
		}
		if len(w.pending) == 0 {
			// Nothing pending and nobody reading: the walk is done.
			w.cond.Broadcast()
			return
		}
		p := w.pending[len(w.pending)-1]
		w.pending = w.pending[:len(w.pending)-1]
		w.active++
		w.mu.Unlock()
		subdirs := w.visit(p)
		w.mu.Lock()
		w.pending = append(w.pending, subdirs...)
		w.active--
		w.cond.Broadcast()
	}
}

// visit reads the directory p, records it when it holds configuration
// files and returns its subdirectories to walk.
func (w *discovery) visit(p string) []string {
	if w.l.canceled() != nil {
		w.mu.Lock()
		w.stopped = true
		w.mu.Unlock()
		return nil
	}
	es, err := fs.ReadDir(w.l.fsys, p)
	if err != nil {
		w.problem(p, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unreadable directory",
			Detail:   fmt.Sprintf("The directory could not be read: %s. Check its permissions, or exclude it with --exclude.", cleanErr(err)),
			Subject:  &hcl.Range{Filename: w.l.DisplayName(p), Start: hcl.InitialPos, End: hcl.InitialPos},
		})
		return nil
	}
	exclude := w.l.opts.Exclude
	config := false
	var subdirs []string
	for _, e := range es {
		if e.IsDir() {
			child := path.Join(p, e.Name())
			if e.Name() == ".terraform" || e.Name() == ".git" || (exclude != nil && exclude(child)) {
				continue
			}
			subdirs = append(subdirs, child)
			continue
		}
		if !config && IsConfigFile(e.Name()) && (exclude == nil || !exclude(path.Join(p, e.Name()))) {
			config = true
		}
	}
	w.mu.Lock()
	w.listings[p] = es
	if config {
		w.found[p] = true
	}
	w.mu.Unlock()
	return subdirs
}

// problem records a diagnostic about the directory p.
func (w *discovery) problem(p string, d *hcl.Diagnostic) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.diagPaths == nil {
		w.diagPaths = map[*hcl.Diagnostic]string{}
	}
	w.diags = append(w.diags, d)
	w.diagPaths[d] = p
}

// walkLess orders slash-separated paths as a depth-first walk in
// lexical order meets them: segment by segment.
func walkLess(a, b string) bool {
	for {
		as, arest, amore := strings.Cut(a, "/")
		bs, brest, bmore := strings.Cut(b, "/")
		if as != bs {
			return as < bs
		}
		if !amore || !bmore {
			return !amore && bmore
		}
		a, b = arest, brest
	}
}
