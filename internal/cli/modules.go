package cli

import (
	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/eval"
)

// addModuleFlags registers --download-modules on a command that loads
// modules.
func addModuleFlags(fs *pflag.FlagSet, download *bool) {
	fs.BoolVar(download, "download-modules", false,
		"download registry, git and archive modules that terraform init has not installed into the module cache (cached modules are read without it)")
}

// moduleFetcher returns the module fetcher of a scan and the function
// that releases it: Env.ModuleFetcher when set, else the module cache
// ($SPILLWAY_CACHE_DIR, else $XDG_CACHE_HOME/spillway/modules), which
// downloads what is missing only when download is true. Remote modules
// installed by terraform init (.terraform/modules) are read first
// whatever the fetcher.
func moduleFetcher(env Env, download bool) (eval.ModuleFetcher, func(), error) {
	if env.ModuleFetcher != nil {
		return env.ModuleFetcher(download), func() {}, nil
	}
	return defaultModuleFetcher(env, download)
}
