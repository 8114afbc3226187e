//go:build !modfetch

package cli

import "github.com/spillway-iac/spillway/eval"

// defaultModuleFetcher is the module cache of a scan. Until
// internal/modfetch is merged there is none: remote modules are read from
// .terraform/modules only, and every other remote module call is a
// module_not_installed note. modules_modfetch.go replaces this file.
func defaultModuleFetcher(Env, bool) (eval.ModuleFetcher, func(), error) {
	return nil, func() {}, nil
}
