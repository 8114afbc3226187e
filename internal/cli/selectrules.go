package cli

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// ruleChoice is what one of --only, --enable or --disable says about a
// rule: the most specific selector that names it (0: none).
type ruleChoice struct {
	kind lint.SelectorKind
	sel  string
}

// specificity orders selector kinds: an ID or a name is the most
// specific, then a family, then a glob. Lower is more specific.
func specificity(k lint.SelectorKind) int {
	switch k {
	case lint.SelectID, lint.SelectName:
		return 1
	case lint.SelectFamily:
		return 2
	case lint.SelectGlob:
		return 3
	}
	return 99
}

// ruleChoices resolves the selectors of one flag (each value may hold
// several, comma-separated) to the most specific choice per rule ID.
func ruleChoices(flag string, values []string) (map[string]ruleChoice, error) {
	out := map[string]ruleChoice{}
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			matched, kind, err := lint.SelectRules(rules.All, part)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", flag, err)
			}
			for _, r := range matched {
				if prev, ok := out[r.ID]; !ok || specificity(kind) < specificity(prev.kind) {
					out[r.ID] = ruleChoice{kind: kind, sel: part}
				}
			}
		}
	}
	return out, nil
}

// ruleFlags are the resolved --only, --enable and --disable.
type ruleFlags struct {
	only, enable, disable map[string]ruleChoice
	hasOnly               bool
}

// parseRuleFlags resolves the rule selectors and rejects unknown ones and
// a rule selected (by --only or --enable) and disabled by selectors of the
// same specificity; a more specific selector wins over a broader one
// (--only async --disable SPW107 runs the async rules but SPW107).
func parseRuleFlags(only, enable, disable []string) (ruleFlags, error) {
	var rf ruleFlags
	var err error
	if rf.only, err = ruleChoices("--only", only); err != nil {
		return rf, err
	}
	if rf.enable, err = ruleChoices("--enable", enable); err != nil {
		return rf, err
	}
	if rf.disable, err = ruleChoices("--disable", disable); err != nil {
		return rf, err
	}
	rf.hasOnly = len(only) > 0
	for _, r := range rules.All {
		d, ok := rf.disable[r.ID]
		if !ok {
			continue
		}
		for _, f := range []struct {
			name string
			m    map[string]ruleChoice
		}{{"--only", rf.only}, {"--enable", rf.enable}} {
			if c, ok := f.m[r.ID]; ok && specificity(c.kind) == specificity(d.kind) {
				return rf, fmt.Errorf("%s %s and --disable %s contradict each other for %s: say once whether the rule runs", f.name, c.sel, d.sel, r.ID)
			}
		}
	}
	return rf, nil
}

// checkRuleFlags validates --only, --enable and --disable.
func checkRuleFlags(only, enable, disable []string) error {
	_, err := parseRuleFlags(only, enable, disable)
	return err
}

// selectRules starts from the rules the config file enables (by default
// all but the ones that are off), applies --only, --enable and --disable
// (which validate checked; the most specific selector wins), and gives
// each rule the severity the config file sets.
func selectRules(cfg *config.Config, only, enable, disable []string) []*lint.Rule {
	rf, _ := parseRuleFlags(only, enable, disable)
	var out []*lint.Rule
	for _, r := range rules.All {
		on, _ := cfg.RuleEnabled(r)
		if rf.hasOnly {
			_, on = rf.only[r.ID]
		}
		e, en := rf.enable[r.ID]
		d, dis := rf.disable[r.ID]
		switch {
		case en && dis:
			on = specificity(e.kind) < specificity(d.kind)
		case en:
			on = true
		case dis:
			if o, ok := rf.only[r.ID]; ok && specificity(o.kind) < specificity(d.kind) {
				break
			}
			on = false
		}
		if !on {
			continue
		}
		if sev, set := cfg.RuleSeverity(r); set && sev != r.Severity {
			c := *r
			c.Severity = sev
			r = &c
		}
		out = append(out, r)
	}
	return out
}
