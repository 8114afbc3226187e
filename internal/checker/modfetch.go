package checker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/modfetch"
)

// ModuleFetcher adapts internal/modfetch to eval.ModuleFetcher: each
// fetched package is opened read-only with os.OpenRoot, so symbolic links
// cannot leave it, and mounted by the evaluation under a name such as
// "registry.terraform.io/acme/lambda/aws@1.2.0". Results are remembered
// per source and version for the whole scan, so every root module that
// calls a module sees the same package. It is safe for concurrent use.
type ModuleFetcher struct {
	f *modfetch.Fetcher

	mu    sync.Mutex
	memo  map[string]*fetchResult
	roots []*os.Root
}

type fetchResult struct {
	once sync.Once
	mod  *eval.FetchedModule
	err  error
}

// NewModuleFetcher returns the adapter of a modfetch.Fetcher with opts
// (with opts.Network, a download that fails falls back to the cache; see
// modfetch.Fetcher.Fetch).
func NewModuleFetcher(opts modfetch.Options) *ModuleFetcher {
	return &ModuleFetcher{f: modfetch.New(opts), memo: map[string]*fetchResult{}}
}

// Fetch implements eval.ModuleFetcher.
func (a *ModuleFetcher) Fetch(ctx context.Context, source, version string) (*eval.FetchedModule, error) {
	key := source + "\x00" + version
	a.mu.Lock()
	r := a.memo[key]
	if r == nil {
		r = &fetchResult{}
		a.memo[key] = r
	}
	a.mu.Unlock()
	r.once.Do(func() { r.mod, r.err = a.fetch(ctx, source, version) })
	if r.err != nil && ctx.Err() == nil && (errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded)) {
		// Another root module's deadline stopped the first attempt:
		// try again under this one.
		a.mu.Lock()
		if a.memo[key] == r {
			delete(a.memo, key)
		}
		a.mu.Unlock()
		return a.Fetch(ctx, source, version)
	}
	return r.mod, r.err
}

func (a *ModuleFetcher) fetch(ctx context.Context, source, version string) (*eval.FetchedModule, error) {
	m, err := a.f.Fetch(ctx, source, version)
	switch {
	case errors.Is(err, modfetch.ErrNotCached):
		return nil, mappedError{err, eval.ErrModuleNotCached}
	case errors.Is(err, modfetch.ErrUnsupported):
		return nil, mappedError{err, eval.ErrModuleSourceUnsupported}
	case err != nil:
		return nil, fmt.Errorf("fetch %s: %w", source, err)
	}
	sub, err := filepath.Rel(m.Root, m.Dir)
	if err != nil || sub == ".." || strings.HasPrefix(sub, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("fetch %s: the module directory %s is outside its package %s", source, m.Dir, m.Root)
	}
	root, err := os.OpenRoot(m.Root)
	if err != nil {
		return nil, fmt.Errorf("open the cached package of %s: %w", source, err)
	}
	a.mu.Lock()
	a.roots = append(a.roots, root)
	a.mu.Unlock()
	return &eval.FetchedModule{FS: root.FS(), Subdir: filepath.ToSlash(sub), Display: m.Package}, nil
}

// Close releases the package directories opened by Fetch.
func (a *ModuleFetcher) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	var errs []error
	for _, r := range a.roots {
		errs = append(errs, r.Close())
	}
	a.roots = nil
	return errors.Join(errs...)
}

// mappedError is a modfetch error that also says which eval sentinel it
// stands for, keeping modfetch's message.
type mappedError struct {
	err  error
	kind error
}

func (e mappedError) Error() string   { return e.err.Error() }
func (e mappedError) Unwrap() []error { return []error{e.err, e.kind} }
