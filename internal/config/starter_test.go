package config_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

func TestStarterGolden(t *testing.T) {
	t.Parallel()
	golden.Check(t, filepath.Join("..", "..", "testdata", "config", "starter.golden"), config.Starter(rules.All))
}

// stanza is a commented-out piece of the starter file: the lines from
// first to last (inclusive, 0-based).
type stanza struct {
	name        string
	first, last int
}

var stanzaStart = regexp.MustCompile(`^# (exclude =|settings \{|rule "(SPW\d{3})" \{)`)

// stanzas finds the commented stanzas of a starter file: the exclude line,
// the settings block and each rule block.
func stanzas(t *testing.T, lines []string) []stanza {
	t.Helper()
	var out []stanza
	for i := 0; i < len(lines); i++ {
		m := stanzaStart.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		s := stanza{name: strings.Fields(m[1])[0], first: i, last: i}
		if m[2] != "" {
			s.name = m[2]
		}
		if s.name != "exclude" {
			for s.last < len(lines) && lines[s.last] != "# }" {
				s.last++
			}
			if s.last == len(lines) {
				t.Fatalf("line %d: stanza %s is not closed by \"# }\"", i+1, s.name)
			}
		}
		out = append(out, s)
		i = s.last
	}
	return out
}

// uncomment strips the comment marker of the stanzas' lines, as a user
// who deletes "# " would.
func uncomment(lines []string, ss ...stanza) []byte {
	out := append([]string(nil), lines...)
	for _, s := range ss {
		for i := s.first; i <= s.last; i++ {
			out[i] = strings.TrimPrefix(strings.TrimPrefix(out[i], "#"), " ")
		}
	}
	return []byte(strings.Join(out, "\n"))
}

func TestStarterLoads(t *testing.T) {
	t.Parallel()
	src := config.Starter(rules.All)
	lines := strings.Split(string(src), "\n")
	ss := stanzas(t, lines)

	var names []string
	for _, s := range ss {
		names = append(names, s.name)
	}
	want := []string{"exclude", "settings"}
	for _, r := range rules.All {
		want = append(want, r.ID)
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Fatalf("stanzas %v, want %v", names, want)
	}

	check := func(t *testing.T, src []byte) *config.Config {
		t.Helper()
		cfg, diags := config.Load("starter.hcl", src, known)
		if len(diags) > 0 {
			t.Fatalf("unexpected diagnostics: %v\n%s", diags, src)
		}
		// The starter shows the defaults: uncommented, it changes nothing.
		for _, set := range lint.SettingsOf(rules.All) {
			if v, ok := cfg.Apply(nil)[set.Name]; ok && v != set.Default {
				t.Errorf("%s = %d, want the default %d", set.Name, v, set.Default)
			}
		}
		for _, r := range rules.All {
			if enabled, _ := cfg.RuleEnabled(r); enabled != !r.Off {
				t.Errorf("%s: enabled %t, want the default %t", r.ID, enabled, !r.Off)
			}
			if sev, _ := cfg.RuleSeverity(r); sev != r.Severity {
				t.Errorf("%s: severity %s, want the default %s", r.ID, sev, r.Severity)
			}
		}
		return cfg
	}

	t.Run("as written", func(t *testing.T) {
		t.Parallel()
		cfg := check(t, src)
		if len(cfg.Exclude()) != 0 {
			t.Errorf("Exclude() = %q, want none", cfg.Exclude())
		}
	})
	t.Run("all uncommented", func(t *testing.T) {
		t.Parallel()
		cfg := check(t, uncomment(lines, ss...))
		if got := cfg.Exclude(); fmt.Sprint(got) != "[legacy/** examples/**]" {
			t.Errorf("Exclude() = %q", got)
		}
		for _, r := range rules.All {
			if _, set := cfg.RuleEnabled(r); !set {
				t.Errorf("%s: enabled is not set", r.ID)
			}
			if _, set := cfg.RuleSeverity(r); !set {
				t.Errorf("%s: severity is not set", r.ID)
			}
		}
	})
	for _, s := range ss {
		t.Run("uncommented "+s.name, func(t *testing.T) {
			t.Parallel()
			check(t, uncomment(lines, s))
		})
	}
	t.Run("SPW505 enabled", func(t *testing.T) {
		t.Parallel()
		spw505 := rules.ByID("SPW505")
		if !spw505.Off {
			t.Skip("SPW505 is no longer off by default")
		}
		for _, s := range ss {
			if s.name != "SPW505" {
				continue
			}
			edited := strings.Replace(string(uncomment(lines, s)), "  enabled  = false", "  enabled  = true", 1)
			cfg, diags := config.Load("starter.hcl", []byte(edited), known)
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if enabled, set := cfg.RuleEnabled(spw505); !enabled || !set {
				t.Errorf("RuleEnabled(SPW505) = %t, %t; want true, true", enabled, set)
			}
			if !strings.Contains(strings.Join(lines[s.first:s.last+1], "\n"), "off by default") {
				t.Errorf("the SPW505 stanza does not say that the rule is off by default")
			}
		}
	})
}

func TestStarterShape(t *testing.T) {
	t.Parallel()
	src := string(config.Starter(rules.All))
	for i, line := range strings.Split(src, "\n") {
		if len(line) > 79 {
			t.Errorf("line %d is %d characters long: %q", i+1, len(line), line)
		}
		if line != "" && !strings.HasPrefix(line, "#") {
			t.Errorf("line %d is not a comment: %q", i+1, line)
		}
	}
	for _, r := range rules.All {
		for _, want := range []string{fmt.Sprintf("# rule %q {", r.ID), r.Name, fmt.Sprintf("#   severity = %q", r.Severity)} {
			if !strings.Contains(src, want) {
				t.Errorf("%s: the starter does not contain %q", r.ID, want)
			}
		}
	}
	if !strings.HasSuffix(src, "# }\n") {
		t.Errorf("the starter does not end with a newline after the last block")
	}
}
