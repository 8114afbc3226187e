package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/report"
)

// analyzedNothing reports whether the scan read no configuration file,
// and if so says so on stderr with a hint for each path: a scan that
// analyzed nothing is a usage error (exit 2), not a clean result.
func (sf *scanFlags) analyzedNothing(res *report.Result, env Env, stderr io.Writer) bool {
	if res.Stats.Files > 0 {
		return false
	}
	fmt.Fprintf(stderr, "spillway: nothing was analyzed: no Terraform or OpenTofu configuration file (.tf, .tf.json, .tofu, .tofu.json) in %s\n",
		textsafe.Sanitize(strings.Join(sf.paths, ", ")))
	for _, p := range sf.paths {
		if h := pathHint(checker.AbsPath(env.Cwd, p)); h != "" {
			fmt.Fprintf(stderr, "  hint: %s: %s\n", textsafe.Sanitize(p), h)
		}
	}
	fmt.Fprintln(stderr, "  hint: give the directory that holds the configuration, such as: spillway scan infra/ (paths matching --exclude or the config's exclude, .terraform and .git are skipped)")
	return true
}

// pathHint says why a path holds nothing to analyze, when it can tell.
func pathHint(abs string) string {
	st, err := os.Stat(abs)
	if err != nil {
		return ""
	}
	name := filepath.Base(abs)
	switch {
	case !st.IsDir() && strings.HasSuffix(name, ".tfvars"), !st.IsDir() && strings.HasSuffix(name, ".tfvars.json"):
		return "a variable file is not configuration; pass it with --var-file and scan the directory of the module"
	case !st.IsDir() && strings.HasSuffix(name, ".json") && !parser.IsConfigFile(name):
		return "spillway reads the configuration, not a plan or state file in JSON; scan the directory of the .tf files"
	case st.IsDir():
		entries, err := os.ReadDir(abs)
		if err != nil {
			return ""
		}
		vars := false
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tfvars") || strings.HasSuffix(e.Name(), ".tfvars.json") {
				vars = true
			}
		}
		if len(entries) == 0 {
			return "the directory is empty"
		}
		if vars {
			return "the directory holds only variable files; scan the directory of the module and pass them with --var-file"
		}
	}
	return ""
}
