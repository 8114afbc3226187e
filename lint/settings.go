package lint

import (
	"fmt"
	"strings"
)

// Setting is a value a rule's verdicts depend on that users can change in
// the settings block of .spillway.hcl, such as SPW303's multiplier of the
// function timeout. A rule declares the settings it owns in Rule.Settings
// and its check reads them with Pass.Int; the configuration accepts
// exactly the declared settings, and the rule's page documents them.
//
// Settings are whole numbers, the only kind the rules need. The settings
// block is one flat namespace, so Name is unique across the catalog: a
// setting has one owning rule (Validate checks it). Other rules may read
// it too, by passing the same *Setting to Pass.Int, for example to quote
// the account's concurrency limit in a message; only the owner documents
// it, because only the owner's findings change with it.
type Setting struct {
	// Name is the snake_case key in the settings block.
	Name string
	// Doc says what the value is, in one or more sentences.
	Doc string
	// Default is the value when the configuration does not set one.
	Default int64
	// Min is the smallest value the configuration accepts.
	Min int64
}

// validate checks the declaration.
func (s *Setting) validate() error {
	switch {
	case s == nil:
		return fmt.Errorf("nil setting")
	case !settingPattern.MatchString(s.Name):
		return fmt.Errorf("setting name %q is not snake_case", s.Name)
	case strings.TrimSpace(s.Doc) == "":
		return fmt.Errorf("setting %s: empty doc", s.Name)
	case s.Default < s.Min:
		return fmt.Errorf("setting %s: the default %d is below the minimum %d", s.Name, s.Default, s.Min)
	}
	return nil
}

// Settings are the values of settings that the configuration sets, by
// setting name; a setting not in the map has its default. The values are
// validated by whoever builds the map (internal/config checks them against
// the declarations). A nil Settings leaves every setting at its default.
type Settings map[string]int64

// Int returns the value of the setting s for this scan: the configured
// value, or s.Default.
func (p *Pass) Int(s *Setting) int64 { return p.Settings.Int(s) }

// Int returns the value of the setting st in these settings: the
// configured value, or st.Default.
func (s Settings) Int(st *Setting) int64 {
	if v, ok := s[st.Name]; ok {
		return v
	}
	return st.Default
}

// SettingsOf returns the settings the rules declare, in rule order and
// then declaration order.
func SettingsOf(rules []*Rule) []*Setting {
	var out []*Setting
	for _, r := range rules {
		out = append(out, r.Settings...)
	}
	return out
}

// settingsSection renders the Settings section of a rule's page.
func settingsSection(settings []*Setting) DocSection {
	var b strings.Builder
	for _, s := range settings {
		fmt.Fprintf(&b, "- `%s` (default %d, at least %d): %s\n", s.Name, s.Default, s.Min, strings.TrimSpace(s.Doc))
	}
	them := "them"
	if len(settings) == 1 {
		them = "it"
	}
	fmt.Fprintf(&b, "\nSet %s in the `settings` block of `.spillway.hcl`:\n\n```hcl\nsettings {\n", them)
	width := 0
	for _, s := range settings {
		width = max(width, len(s.Name))
	}
	for _, s := range settings {
		fmt.Fprintf(&b, "  %-*s = %d\n", width, s.Name, s.Default)
	}
	b.WriteString("}\n```")
	return DocSection{Title: "Settings", Body: b.String()}
}
