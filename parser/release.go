package parser

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Release drops a module and its files from the loader's caches, so that
// a scan's memory is bounded by the modules in use rather than by the
// whole tree. A later Module call parses the directory again. Callers that
// still hold the *Module keep using it safely.
func (l *Loader) Release(dir string) {
	l.mu.Lock()
	e := l.modules[dir]
	l.mu.Unlock()
	if e == nil {
		return
	}
	// Wait for a load in progress (a no-op for a loaded module), so that
	// e.mod is read after it was written.
	e.once.Do(func() { e.mod = l.loadModule(dir) })
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.modules[dir] != e {
		return
	}
	delete(l.modules, dir)
	for _, f := range e.mod.Files {
		delete(l.files, f.Path)
		if l.byName[f.Name] == f {
			delete(l.byName, f.Name)
		}
	}
}

// SourceAny returns a file's bytes by its display name: from the cache,
// or read again from the file system when its module was released (for
// report snippets and fixes). It returns nil for names outside the tree.
func (l *Loader) SourceAny(name string) []byte {
	if b := l.Source(name); b != nil {
		return b
	}
	p := name
	if mp, ok := l.mountPath(name); ok {
		p = mp
	} else if pre := l.opts.Prefix; pre != "" && pre != "." {
		if !strings.HasPrefix(name, pre+"/") {
			return nil
		}
		p = strings.TrimPrefix(name, pre+"/")
	}
	if !fs.ValidPath(p) {
		return nil
	}
	b, err := l.ReadBytes(p)
	if err != nil {
		return nil
	}
	return b
}

// CacheStats returns how many modules and files the loader holds, for
// --debug output.
func (l *Loader) CacheStats() (modules, files int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.modules), len(l.files)
}

// ReadVarFile reads and parses a variable definitions file of the tree
// without caching it: it is read once per root module that uses it.
func (l *Loader) ReadVarFile(p string) *File {
	name := l.DisplayName(p)
	b, err := l.ReadBytes(p)
	if err != nil {
		return &File{Path: p, Name: name, JSON: isJSONName(p), Diags: hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unreadable file",
			Detail:   fmt.Sprintf("The variables file could not be read: %s.", cleanErr(err)),
			Subject:  &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
		}}}
	}
	f := ParseVarFile(name, b)
	f.Path = p
	return f
}
