package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/config"
)

// findConfig returns the config file of the scanned paths: the nearest
// .spillway.hcl from each path (a file's directory) up to the repository
// root, "" when there is none. Paths that find different files are an
// error: one scan has one configuration.
func findConfig(starts []string, env Env) (string, error) {
	found, from := "", ""
	for _, s := range starts {
		abs := checker.AbsPath(env.Cwd, s)
		if st, err := os.Stat(abs); err == nil && !st.IsDir() {
			abs = filepath.Dir(abs)
		}
		p, ok, err := config.Find(abs)
		if err != nil {
			return "", fmt.Errorf("looking for %s: %w", config.FileName, err)
		}
		if !ok {
			p = ""
		}
		if from != "" && p != found {
			return "", fmt.Errorf("%s and %s use different config files (%s and %s): scan them separately, or name one with --config",
				from, s, orNone(found), orNone(p))
		}
		found, from = p, s
	}
	return found, nil
}

func orNone(p string) string {
	if p == "" {
		return "none"
	}
	return p
}
