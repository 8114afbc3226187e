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
// paths are skipped. Directories are read on Options.Jobs goroutines at
// once: a walk of a large tree is mostly waiting on the file system, and
// nothing can be analyzed before it ends. The result does not depend on
// the order the reads finish in.
func (l *Loader) Discover(dir string) ([]string, hcl.Diagnostics) {
	jobs := l.opts.Jobs
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	w := &discovery{l: l, root: dir, sem: make(chan struct{}, jobs), found: map[string]bool{}, listings: map[string][]fs.DirEntry{}}
	w.wg.Add(1)
	w.visit(dir)
	w.wg.Wait()
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

// discovery is one walk of Discover.
type discovery struct {
	l    *Loader
	root string
	// sem bounds the directories read at once.
	sem chan struct{}
	wg  sync.WaitGroup

	mu        sync.Mutex
	found     map[string]bool
	listings  map[string][]fs.DirEntry
	diags     hcl.Diagnostics
	diagPaths map[*hcl.Diagnostic]string
	stopped   bool
}

// visit reads the directory p, records it when it holds configuration
// files and walks its subdirectories on goroutines of their own.
func (w *discovery) visit(p string) {
	defer w.wg.Done()
	if w.l.canceled() != nil {
		w.mu.Lock()
		w.stopped = true
		w.mu.Unlock()
		return
	}
	w.sem <- struct{}{}
	es, err := fs.ReadDir(w.l.fsys, p)
	<-w.sem
	if err != nil {
		w.problem(p, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unreadable directory",
			Detail:   fmt.Sprintf("The directory could not be read: %s. Check its permissions, or exclude it with --exclude.", cleanErr(err)),
			Subject:  &hcl.Range{Filename: w.l.DisplayName(p), Start: hcl.InitialPos, End: hcl.InitialPos},
		})
		return
	}
	exclude := w.l.opts.Exclude
	config := false
	for _, e := range es {
		child := path.Join(p, e.Name())
		if e.IsDir() {
			if e.Name() == ".terraform" || e.Name() == ".git" || (exclude != nil && exclude(child)) {
				continue
			}
			w.wg.Add(1)
			go w.visit(child)
			continue
		}
		if !config && IsConfigFile(e.Name()) && (exclude == nil || !exclude(child)) {
			config = true
		}
	}
	w.mu.Lock()
	w.listings[p] = es
	if config {
		w.found[p] = true
	}
	w.mu.Unlock()
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
