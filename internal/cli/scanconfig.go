package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// configStarts are the paths the config file is looked for from: --root
// when given, else the scanned paths.
func (sf *scanFlags) configStarts() []string {
	if sf.root != "" {
		return []string{sf.root}
	}
	return sf.paths
}

// debugf returns the --debug printer, or nil without --debug.
func (sf *scanFlags) debugf(stderr io.Writer) func(string, ...any) {
	if !sf.debug {
		return nil
	}
	return func(format string, a ...any) {
		fmt.Fprintf(stderr, "debug: %s\n", textsafe.Sanitize(fmt.Sprintf(format, a...)))
	}
}

// applyConfig takes fail_on, min_severity and var_files from the config
// file where the command line does not set them: --fail-on and
// --min-severity win, and the config's var_files are read before every
// --var and --var-file (which override them, as later values do in
// Terraform).
func (sf *scanFlags) applyConfig(cfg *config.Config, cfgDir string, env Env, debug func(string, ...any)) {
	if v, ok := cfg.FailOn(); ok {
		if sf.failOnSet {
			debugIf(debug, "config: fail_on = %q overridden by --fail-on %s", v, sf.failOn)
		} else {
			sf.failOn = v
			sf.failSev = 0
			if v != "none" {
				sf.failSev, _ = lint.ParseSeverity(v)
			}
			debugIf(debug, "config: fail_on = %q", v)
		}
	}
	if v, ok := cfg.MinSeverity(); ok {
		if sf.minSevSet {
			debugIf(debug, "config: min_severity = %q overridden by --min-severity %s", v, sf.minSeverity)
		} else {
			sf.minSev, sf.minSeverity = v, v.String()
			debugIf(debug, "config: min_severity = %q", v)
		}
	}
	var files []varArg
	for _, f := range cfg.VarFiles() {
		p := f
		if !filepath.IsAbs(p) {
			p = filepath.Join(cfgDir, filepath.FromSlash(f))
		}
		if rel, err := filepath.Rel(env.Cwd, p); err == nil {
			p = rel
		}
		files = append(files, varArg{kind: "file", value: p, from: cfg.Path() + " var_files"})
		debugIf(debug, "config: var_files: %s", p)
	}
	sf.vars = append(files, sf.vars...)
}

func debugIf(debug func(string, ...any), format string, a ...any) {
	if debug != nil {
		debug(format, a...)
	}
}

// debugExcluder wraps exclude so that --debug says which path was
// skipped and by which pattern (from --exclude or the config file), once
// per path.
func debugExcluder(exclude func(string) bool, debug func(string, ...any), cwd string, flagPats []string, cfgDir, cfgPath string, cfgPats []string) func(string) bool {
	if exclude == nil || debug == nil {
		return exclude
	}
	type source struct {
		set  excludeSet
		what string
	}
	var sources []source
	add := func(base string, pats []string, what string) {
		for _, p := range pats {
			if s, err := newExcludeSet(base, []string{p}, what); err == nil {
				sources = append(sources, source{s, fmt.Sprintf("%s %q", what, p)})
			}
		}
	}
	add(cwd, flagPats, "--exclude")
	add(cfgDir, cfgPats, "exclude pattern of "+cfgPath+":")
	var mu sync.Mutex
	seen := map[string]bool{}
	return func(abs string) bool {
		if !exclude(abs) {
			return false
		}
		mu.Lock()
		defer mu.Unlock()
		if !seen[abs] {
			seen[abs] = true
			why := "an exclude pattern"
			for _, s := range sources {
				if s.set.match(abs) {
					why = s.what
					break
				}
			}
			rel := abs
			if r, err := filepath.Rel(cwd, abs); err == nil {
				rel = r
			}
			debug("skipped %s: matches %s", filepath.ToSlash(rel), why)
		}
		return true
	}
}

// debugRules says which rules run and which do not.
func debugRules(debug func(string, ...any), selected []*lint.Rule) {
	on := map[string]bool{}
	for _, r := range selected {
		on[r.ID] = true
	}
	var off []string
	for _, r := range rules.All {
		if !on[r.ID] {
			off = append(off, r.ID)
		}
	}
	debug("rules: %d of %d run; not run: %s", len(selected), len(rules.All), orNone(strings.Join(off, ", ")))
}
