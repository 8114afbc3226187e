package cli

import (
	"path/filepath"

	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/report"
)

// findSourceRoot returns the directory fingerprints and the reports read
// by code hosts are relative to: the repository root of the scanned path,
// else the directory of the config file, else of the baseline, else the
// scan root (spec/cli.md).
func (sf *scanFlags) findSourceRoot(cfg *config.Config, env Env) string {
	var fallbacks []string
	if p := cfg.Path(); p != "" {
		fallbacks = append(fallbacks, filepath.Dir(checker.AbsPath(env.Cwd, filepath.FromSlash(p))))
	}
	for _, b := range []string{sf.baseline, sf.writeBaseline} {
		if b != "" {
			fallbacks = append(fallbacks, filepath.Dir(checker.AbsPath(env.Cwd, b)))
		}
	}
	return checker.SourceRoot(env.Cwd, sf.root, sf.paths, fallbacks...)
}

// resultFor returns the result as a format shows it: text and compact
// name files relative to the working directory, the formats code hosts
// and CI read relative to the source root.
func (sf *scanFlags) resultFor(format string, res *report.Result, env Env) *report.Result {
	if !report.ForCodeHosts(format) || sf.sourceRoot == "" {
		return res
	}
	root := sf.sourceRoot
	return res.Renamed(root,
		func(name string) string { return checker.Rebase(env.Cwd, root, name) },
		func(name string) string { return checker.Rebase(root, env.Cwd, name) })
}
