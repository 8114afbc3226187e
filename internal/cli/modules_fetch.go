package cli

import (
	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/modfetch"
)

// defaultModuleFetcher is the module cache of a scan: internal/modfetch
// with the cache directory and registry tokens (TF_TOKEN_<host>) read
// from env, downloading only when download is true.
//
// After merging wip-fetch, delete modules_nofetch.go and the build
// constraints of this file and of internal/checker/modfetch.go.
func defaultModuleFetcher(env Env, download bool) (eval.ModuleFetcher, func(), error) {
	getenv := func(k string) string {
		v, _ := env.get(k)
		return v
	}
	f := checker.NewModuleFetcher(modfetch.Options{Network: download, Getenv: getenv})
	// Closing only releases the open package directories.
	return f, func() { _ = f.Close() }, nil
}
