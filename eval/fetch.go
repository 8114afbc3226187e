package eval

import (
	"context"
	"errors"
	"io/fs"
)

// ModuleFetcher finds the package of a remote module source (registry,
// git, archive) for the evaluation: in a module cache, and over the
// network when that is allowed. Implementations must be safe for
// concurrent use; the CLI adapts internal/modfetch to it.
type ModuleFetcher interface {
	// Fetch returns the package of source at a version matching the
	// constraint version ("" for none). An error wraps
	// ErrModuleNotCached when the package is not in the cache and the
	// network may not be used, and ErrModuleSourceUnsupported when the
	// source's scheme is not fetched at all; any other error is a failed
	// download.
	Fetch(ctx context.Context, source, version string) (*FetchedModule, error)
}

// FetchedModule is a module package found by a ModuleFetcher.
type FetchedModule struct {
	// FS is the package, read-only, rooted at the package's root: local
	// module sources inside it may reach any directory of the package
	// but nothing outside it.
	FS fs.FS
	// Subdir is the module's directory inside FS (the source's
	// "//subdir"), slash-separated; "" or "." for the root.
	Subdir string
	// Display names the package in reports, such as
	// "registry.terraform.io/acme/lambda/aws@1.2.0"; file names in the
	// package are shown as Display followed by their path.
	Display string
}

// The errors a ModuleFetcher wraps to say why a module was not fetched.
var (
	ErrModuleNotCached         = errors.New("module not in the cache")
	ErrModuleSourceUnsupported = errors.New("module source not supported")
)
