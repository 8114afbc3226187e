package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// FuzzLoad loads arbitrary bytes as a configuration file. Load must never
// panic, must return a Config, and must give every error a position in the
// file. Crashers found by the fuzzer belong in testdata/config as fixtures,
// which seed the corpus.
func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "config", "*.hcl"))
	if err != nil {
		f.Fatal(err)
	}
	if len(seeds) == 0 {
		f.Fatal("no seeds in testdata/config")
	}
	for _, p := range seeds {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add(config.Starter(rules.All))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, diags := config.Load("fuzz.hcl", src, known)
		if cfg == nil {
			t.Fatal("Load returned a nil Config")
		}
		for _, d := range diags {
			if d.Severity == hcl.DiagError && d.Subject == nil {
				t.Errorf("error without a subject: %s: %s", d.Summary, d.Detail)
			}
			if d.Subject != nil && d.Subject.Filename != "fuzz.hcl" {
				t.Errorf("subject in %q, want fuzz.hcl", d.Subject.Filename)
			}
		}
		settings := cfg.Apply(nil)
		for _, s := range lint.SettingsOf(known) {
			if v, ok := settings[s.Name]; ok && v < s.Min {
				t.Errorf("Apply() = %+v: %s below %d was accepted", settings, s.Name, s.Min)
			}
		}
		if len(settings) > len(lint.SettingsOf(known)) {
			t.Errorf("Apply() = %+v: an undeclared setting was accepted", settings)
		}
		for _, p := range cfg.Exclude() {
			if strings.TrimSpace(p) == "" {
				t.Errorf("an empty exclude pattern was accepted")
			}
		}
		for _, r := range rules.All {
			cfg.RuleEnabled(r)
			if sev, _ := cfg.RuleSeverity(r); sev < lint.Low || sev > lint.High {
				t.Errorf("%s: severity %d out of range", r.ID, sev)
			}
		}
	})
}
