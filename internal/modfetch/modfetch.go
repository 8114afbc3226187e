package modfetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Defaults of Options.
const (
	DefaultTimeout  = 60 * time.Second
	DefaultMaxBytes = 256 << 20

	maxRedirects = 10 // HTTP redirects per request
	maxHops      = 5  // X-Terraform-Get locations followed per fetch
	maxEntries   = 100000
)

var (
	// ErrNotCached is wrapped when Options.Network is false and the module
	// (or a version meeting the constraint) is not in the cache.
	ErrNotCached = errors.New("module not in the cache and network access is off")
	// ErrUnsupported is wrapped for sources this package does not fetch:
	// s3::, gcs::, hg::, bitbucket.org, and schemes other than https, ssh
	// and file.
	ErrUnsupported = errors.New("unsupported module source")
	// ErrRefused is wrapped when fetched content or a location breaks a
	// safety rule: plain http, a hostile archive entry, a size cap, too many
	// redirects or X-Terraform-Get hops.
	ErrRefused = errors.New("refused")
)

// Options configures a Fetcher. The zero value fetches nothing (Network
// is false) and reads the default cache directory.
type Options struct {
	// CacheDir is the cache directory. Default: $SPILLWAY_CACHE_DIR, else
	// $XDG_CACHE_HOME/spillway/modules, else
	// os.UserCacheDir()/spillway/modules.
	CacheDir string
	// Network, when false, makes Fetch use only the cache (offline); when
	// true, Fetch downloads what is missing.
	Network bool
	// Client does the HTTP requests. nil: a client with timeouts using the
	// system roots (so SSL_CERT_FILE works) and the proxy from the
	// environment. Redirects are limited and checked whatever the client.
	Client *http.Client
	// Git is the path of the git program; "" means "git" from PATH.
	Git string
	// Getenv reads environment variables (TF_TOKEN_<host>, the cache
	// directory variables); nil means os.Getenv.
	Getenv func(string) string
	// Timeout bounds each download and each git clone; default 60s.
	Timeout time.Duration
	// MaxBytes caps each download and the extracted size of each archive;
	// default 256 MiB.
	MaxBytes int64
}

// Module is a fetched module.
type Module struct {
	Dir     string // absolute OS path of the module directory in the cache, //subdir applied
	Root    string // absolute OS path of the cached package root (Dir is Root or below it)
	Source  string // the source as written
	Version string // resolved version for registry modules, ref for git, "" otherwise
	Display string // human name: "registry.terraform.io/acme/lambda/aws 1.2.0", "git::https://... ref v1"
	// Package names the package in file names shown to users: the host
	// and path without scheme, user information, query or //subdir, then
	// "@" and Version when there is one, such as
	// "registry.terraform.io/acme/lambda/aws@1.2.0" or
	// "github.com/acme/mods.git@v1.0.0".
	Package string
}

// Fetcher fetches modules into the cache. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client

	dirOnce  sync.Once
	cacheDir string
	cacheErr error
	cleaned  sync.Once

	mu      sync.Mutex
	flights map[string]*flight
	disco   map[string]*url.URL // registry host -> modules.v1 base

	// offline reads the same cache without the network: where a
	// download fails (the host cannot be reached), Fetch falls back to
	// it. Nil when Options.Network is false.
	offline *Fetcher
}

type flight struct {
	done chan struct{}
	val  any
	err  error
}

// New returns a Fetcher for opts, with defaults filled in.
func New(opts Options) *Fetcher {
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Git == "" {
		opts.Git = "git"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	f := &Fetcher{
		opts:    opts,
		client:  safeClient(opts.Client),
		flights: map[string]*flight{},
		disco:   map[string]*url.URL{},
	}
	if opts.Network {
		off := opts
		off.Network = false
		f.offline = New(off)
	}
	return f
}

// safeClient returns a copy of c (or a default client) whose redirects are
// limited to https, to maxRedirects, and stop at a loop.
func safeClient(c *http.Client) *http.Client {
	if c == nil {
		c = &http.Client{Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   15 * time.Second,
			ResponseHeaderTimeout: 30 * time.Second,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
		}}
	}
	cp := *c
	inner := c.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Scheme != "https" {
			return fmt.Errorf("%w: redirect to plain http URL %s", ErrRefused, req.URL.Redacted())
		}
		for _, v := range via {
			if v.URL.String() == req.URL.String() {
				return fmt.Errorf("%w: redirect loop at %s", ErrRefused, req.URL.Redacted())
			}
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("%w: more than %d redirects (last to %s)", ErrRefused, maxRedirects, req.URL.Redacted())
		}
		if inner != nil {
			return inner(req, via)
		}
		return nil
	}
	return &cp
}

// Fetch returns the module named by source (as written in a module block)
// and, for registry modules, the version constraint version. With
// Options.Network false only the cache is used and a missing module gives
// an error wrapping ErrNotCached. With it true, a download that fails for
// any reason but a refusal (ErrRefused), an unsupported source or the end
// of ctx falls back to what the cache holds, so a scan without the
// network gives the same result as the scan that filled the cache.
func (f *Fetcher) Fetch(ctx context.Context, source, version string) (*Module, error) {
	v, err := f.once(ctx, "fetch\x00"+source+"\x00"+version, func() (any, error) {
		return f.fetch(ctx, source, version)
	})
	if err != nil && f.offline != nil && ctx.Err() == nil && !errors.Is(err, ErrRefused) && !errors.Is(err, ErrUnsupported) {
		if m, cerr := f.offline.Fetch(ctx, source, version); cerr == nil {
			return m, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("module %q: %w", source, err)
	}
	m := *v.(*Module)
	return &m, nil
}

// once runs fn for key unless a call for key is running (then it waits
// for that call) or has succeeded (then it returns its result). A failed
// call is forgotten, so a later call tries again.
func (f *Fetcher) once(ctx context.Context, key string, fn func() (any, error)) (any, error) {
	for {
		f.mu.Lock()
		fl, ok := f.flights[key]
		if !ok {
			fl = &flight{done: make(chan struct{}), err: errors.New("fetch did not finish")}
			f.flights[key] = fl
			f.mu.Unlock()
			func() {
				// Release the waiters even if fn panics.
				defer func() {
					if fl.err != nil {
						f.mu.Lock()
						delete(f.flights, key)
						f.mu.Unlock()
					}
					close(fl.done)
				}()
				fl.val, fl.err = fn()
			}()
			return fl.val, fl.err
		}
		f.mu.Unlock()
		select {
		case <-fl.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for another fetch: %w", ctx.Err())
		}
		// The other caller's context was canceled, not ours: try again.
		if errors.Is(fl.err, context.Canceled) && ctx.Err() == nil {
			continue
		}
		return fl.val, fl.err
	}
}

func (f *Fetcher) fetch(ctx context.Context, raw, version string) (*Module, error) {
	src, err := parseSource(raw)
	if err != nil {
		return nil, err
	}
	if version != "" && src.kind != kindRegistry {
		return nil, fmt.Errorf("a version constraint (%q) applies only to registry modules", version)
	}
	cache, err := f.cacheRoot()
	if err != nil {
		return nil, err
	}
	var (
		entry string
		meta  *entryMeta
	)
	switch src.kind {
	case kindRegistry:
		entry, meta, err = f.fetchRegistry(ctx, cache, src, version)
	case kindGit:
		entry = filepath.Join(cache, "git", hashKey(src.key()))
		meta, err = f.install(ctx, entry, func(ctx context.Context, _, pkg string) (*entryMeta, error) {
			commit, err := f.gitClone(ctx, src, pkg)
			if err != nil {
				return nil, err
			}
			return &entryMeta{Version: src.ref, Commit: commit}, nil
		})
	default:
		entry = filepath.Join(cache, "http", hashKey(src.key()))
		meta, err = f.install(ctx, entry, func(ctx context.Context, scratch, pkg string) (*entryMeta, error) {
			pkgSrc := *src
			pkgSrc.subdir = "" // the caller's subdir applies to the cached package below
			loc, sub, err := f.getPackage(ctx, &pkgSrc, 0, false, scratch, pkg)
			if err != nil {
				return nil, err
			}
			return &entryMeta{Location: loc, Subdir: sub}, nil
		})
	}
	if err != nil {
		return nil, err
	}
	root := filepath.Join(entry, pkgDir)
	dir, err := subdirOf(root, meta.Subdir, src.subdir)
	if err != nil {
		return nil, err
	}
	return &Module{
		Dir:     dir,
		Root:    root,
		Source:  raw,
		Version: meta.Version,
		Display: src.display(meta.Version),
		Package: src.packageName(meta.Version),
	}, nil
}

// cacheRoot returns the absolute cache directory (which may not exist yet).
func (f *Fetcher) cacheRoot() (string, error) {
	f.dirOnce.Do(func() {
		dir := f.opts.CacheDir
		if dir == "" {
			switch {
			case f.opts.Getenv("SPILLWAY_CACHE_DIR") != "":
				dir = f.opts.Getenv("SPILLWAY_CACHE_DIR")
			case f.opts.Getenv("XDG_CACHE_HOME") != "":
				dir = filepath.Join(f.opts.Getenv("XDG_CACHE_HOME"), "spillway", "modules")
			default:
				uc, err := os.UserCacheDir()
				if err != nil {
					f.cacheErr = fmt.Errorf("find the module cache directory: %w", err)
					return
				}
				dir = filepath.Join(uc, "spillway", "modules")
			}
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			f.cacheErr = fmt.Errorf("module cache directory %q: %w", dir, err)
			return
		}
		f.cacheDir = abs
	})
	return f.cacheDir, f.cacheErr
}
