package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/spillway-iac/spillway/internal/glob"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
)

// FileName is the name of the configuration file that Find looks for.
const FileName = ".spillway.hcl"

// Config is a loaded configuration file. The zero value and a nil *Config
// both stand for an empty file: no exclusions, the default settings and
// every rule at its defaults.
type Config struct {
	path    string
	exclude []string
	// downloadModules is download_modules: fetch remote modules over the
	// network (as --download-modules does).
	downloadModules bool

	// settings are the values the settings block sets, by name.
	settings lint.Settings

	// rules are the rule blocks in file order.
	rules []ruleEntry

	failOn      string
	minSeverity lint.Severity
	varFiles    []string

	// requireForeignReasons is require_reason_for_foreign_ignores.
	requireForeignReasons bool
}

// ruleEntry is one rule block: its label, the rules the label selects
// (nil: the label itself is the ID, with a nil catalog) and what it sets.
type ruleEntry struct {
	label string
	kind  lint.SelectorKind
	ids   map[string]bool
	rc    ruleConfig
}

// ruleConfig is what one rule block sets; nil and zero mean unset.
type ruleConfig struct {
	enabled  *bool
	severity lint.Severity
}

// The gohcl schema of the file. Attributes are decoded as *hcl.Attribute
// so that every value keeps its range for the diagnostics.
type (
	fileSchema struct {
		Exclude         *hcl.Attribute `hcl:"exclude,optional"`
		DownloadModules *hcl.Attribute `hcl:"download_modules,optional"`
		FailOn          *hcl.Attribute `hcl:"fail_on,optional"`
		MinSeverity     *hcl.Attribute `hcl:"min_severity,optional"`
		VarFiles        *hcl.Attribute `hcl:"var_files,optional"`
		// RequireForeignReasons is require_reason_for_foreign_ignores.
		RequireForeignReasons *hcl.Attribute `hcl:"require_reason_for_foreign_ignores,optional"`
		// Settings is decoded against the declared settings by
		// loadSettings.
		Settings *struct{}    `hcl:"settings,block"`
		Rules    []ruleSchema `hcl:"rule,block"`
	}
	ruleSchema struct {
		ID       string         `hcl:"id,label"`
		Enabled  *hcl.Attribute `hcl:"enabled,optional"`
		Severity *hcl.Attribute `hcl:"severity,optional"`
	}
)

// Load parses and validates the configuration file src, read from path
// (used in diagnostics only), against catalog, the rules a scan can run
// (rules.All): a rule block must name one of them, and the settings block
// accepts exactly the settings they declare (lint.Rule.Settings), each a
// whole number no smaller than its Min. A nil catalog accepts every rule
// ID and no setting.
//
// Load never returns a nil *Config. When the diagnostics hold errors, the
// Config holds only the values that were valid, and callers should report
// the diagnostics and stop rather than scan with a partial configuration.
// The diagnostics are sorted by position.
func Load(path string, src []byte, catalog []*lint.Rule) (*Config, hcl.Diagnostics) {
	cfg := &Config{path: path}
	if d := parser.CheckNesting(src, path, hcl.InitialPos, parser.NestConfig); d != nil {
		// A 200,000-deep "[" would overflow the parser's stack.
		return cfg, hcl.Diagnostics{d}
	}
	declared := lint.SettingsOf(catalog)
	file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return cfg, diags
	}
	schema, _ := gohcl.ImpliedBodySchema(&fileSchema{})
	content, moreDiags := file.Body.Content(schema)
	diags = append(diags, listAllowed(moreDiags, "The top level of the file accepts the exclude, download_modules, fail_on, min_severity, var_files and require_reason_for_foreign_ignores arguments and settings and rule blocks.")...)

	if attr := content.Attributes["exclude"]; attr != nil {
		diags = append(diags, cfg.loadExclude(attr)...)
	}
	if attr := content.Attributes["download_modules"]; attr != nil {
		var v *bool
		d := decode(attr.Expr, &v, "Set download_modules to true or false.")
		if !d.HasErrors() && v != nil {
			cfg.downloadModules = *v
		}
		diags = append(diags, d...)
	}
	if attr := content.Attributes["require_reason_for_foreign_ignores"]; attr != nil {
		diags = append(diags, decode(attr.Expr, &cfg.requireForeignReasons, "Write true or false.")...)
	}
	diags = append(diags, cfg.loadScanOptions(content.Attributes)...)

	var settingsSeen *hcl.Block
	rulesSeen := map[string]*hcl.Block{}
	catalogOrNil := catalog
	for _, block := range content.Blocks {
		switch block.Type {
		case "settings":
			if settingsSeen != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Duplicate settings block",
					Detail: fmt.Sprintf("A settings block was already defined at %s. Merge the two blocks into one.",
						settingsSeen.DefRange),
					Subject: block.TypeRange.Ptr(),
					Context: block.DefRange.Ptr(),
				})
				// Still report the problems inside, but keep none of it.
				diags = append(diags, (&Config{}).loadSettings(block.Body, declared)...)
				continue
			}
			settingsSeen = block
			diags = append(diags, cfg.loadSettings(block.Body, declared)...)
		case "rule":
			diags = append(diags, cfg.loadRule(block, rulesSeen, catalogOrNil)...)
		}
	}
	sortDiagnostics(diags)
	return cfg, diags
}

// MaxExcludePatterns is the most patterns the exclude list may hold.
const MaxExcludePatterns = 10000

// MaxFileSize is the largest config file read.
const MaxFileSize = 1 << 20

// loadExclude validates the exclude list: a list of strings, each a glob
// that path.Match accepts once "**" is read as "*".
func (c *Config) loadExclude(attr *hcl.Attribute) hcl.Diagnostics {
	if elems, d := hcl.ExprList(attr.Expr); !d.HasErrors() && len(elems) > MaxExcludePatterns {
		// Checked on the syntax, before decoding: converting a huge
		// tuple is quadratic.
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Too many exclude patterns",
			Detail: fmt.Sprintf("The exclude list has %d patterns, above the limit of %d. Use \"**\" patterns that cover whole directories.",
				len(elems), MaxExcludePatterns),
			Subject: attr.Expr.Range().Ptr(),
		}}
	}
	var patterns []string
	diags := decode(attr.Expr, &patterns, `Set exclude to a list of glob strings, such as ["legacy/**"].`)
	if diags.HasErrors() {
		return diags
	}
	// Element expressions give each pattern its own range when the list
	// is written literally; otherwise the whole value is the subject.
	elems, elemDiags := hcl.ExprList(attr.Expr)
	valid := patterns[:0:0]
	for i, p := range patterns {
		rng := attr.Expr.Range()
		if !elemDiags.HasErrors() && len(elems) == len(patterns) {
			rng = elems[i].Range()
		}
		if d := checkGlob(p, rng); d != nil {
			diags = append(diags, d)
			continue
		}
		valid = append(valid, p)
	}
	c.exclude = valid
	return diags
}

// checkGlob returns a diagnostic for an invalid exclude pattern, or nil.
func checkGlob(p string, rng hcl.Range) *hcl.Diagnostic {
	if strings.TrimSpace(p) == "" {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Empty exclude pattern",
			Detail:   `An empty pattern matches nothing. Remove it, or write the path to exclude, such as "legacy/**".`,
			Subject:  rng.Ptr(),
		}
	}
	if _, err := glob.Compile(p); err != nil {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid exclude pattern",
			Detail: fmt.Sprintf(`The pattern %q is not a valid glob (%v). Use "*" and "?" within one path segment, "**" for any number of segments, and close every "[" with "]".`,
				p, err),
			Subject: rng.Ptr(),
		}
	}
	return nil
}

// loadSettings decodes and validates the settings block against the
// declared settings.
func (c *Config) loadSettings(body hcl.Body, declared []*lint.Setting) hcl.Diagnostics {
	schema := &hcl.BodySchema{}
	names := make([]string, 0, len(declared))
	for _, s := range declared {
		schema.Attributes = append(schema.Attributes, hcl.AttributeSchema{Name: s.Name})
		names = append(names, s.Name)
	}
	allowed := "A settings block accepts no arguments."
	if len(names) > 0 {
		allowed = "A settings block accepts " + joinAnd(names) + "."
	}
	content, diags := body.Content(schema)
	diags = listAllowed(diags, allowed)
	for _, s := range declared {
		attr := content.Attributes[s.Name]
		if attr == nil {
			continue
		}
		v, d := decodeSetting(attr, s)
		diags = append(diags, d...)
		if v != nil {
			if c.settings == nil {
				c.settings = lint.Settings{}
			}
			c.settings[s.Name] = *v
		}
	}
	return diags
}

// joinAnd joins words as "a", "a and b" or "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// decodeSetting decodes a whole number of at least s.Min. A null value is
// unset.
func decodeSetting(attr *hcl.Attribute, s *lint.Setting) (*int64, hcl.Diagnostics) {
	kind := fmt.Sprintf("a whole number of at least %d", s.Min)
	if s.Min == 1 {
		kind = "a positive whole number"
	}
	var v *int64
	diags := decode(attr.Expr, &v, fmt.Sprintf("Set %s to %s.", attr.Name, kind))
	if diags.HasErrors() {
		return nil, diags
	}
	if v != nil && *v < s.Min {
		return nil, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid " + strings.ReplaceAll(s.Name, "_", " "),
			Detail: fmt.Sprintf("The value is %d, but %s must be a whole number of at least %d. %s The default is %d.",
				*v, s.Name, s.Min, strings.TrimSpace(s.Doc), s.Default),
			Subject: attr.Expr.Range().Ptr(),
			Context: attr.Range.Ptr(),
		})
	}
	return v, diags
}

// loadRule decodes and validates one rule block. Its label is a rule
// selector (lint.SelectRules: an ID in any case, a rule name, a family or
// a glob over IDs); a nil catalog accepts any label as an ID. seen maps
// the selectors of the rule blocks before it to their blocks.
func (c *Config) loadRule(block *hcl.Block, seen map[string]*hcl.Block, catalog []*lint.Rule) hcl.Diagnostics {
	var diags hcl.Diagnostics
	label := block.Labels[0]
	labelRange := block.LabelRanges[0]
	entry := ruleEntry{label: label, kind: lint.SelectID}
	ok := true
	var selErr error
	if catalog != nil {
		var selected []*lint.Rule
		selected, entry.kind, selErr = lint.SelectRules(catalog, label)
		entry.ids = map[string]bool{}
		for _, r := range selected {
			entry.ids[r.ID] = true
		}
	}
	key := strings.ToLower(strings.TrimSpace(label))
	if len(entry.ids) == 1 {
		for id := range entry.ids {
			key = id
		}
	}
	switch {
	case selErr != nil:
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unknown rule ID",
			Detail:   fmt.Sprintf("No rule matches %q. A rule block is labelled with a rule ID (any case), a rule name, a family (async, concurrency, wiring, front-door, monitoring) or a glob such as \"SPW5*\". Run \"spillway rules\" to list the rules.", label),
			Subject:  labelRange.Ptr(),
			Context:  block.DefRange.Ptr(),
		})
		ok = false
	case seen[key] != nil:
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate rule block",
			Detail: fmt.Sprintf("Rule %s was already configured at %s. Merge the two blocks into one.",
				label, seen[key].DefRange),
			Subject: labelRange.Ptr(),
			Context: block.DefRange.Ptr(),
		})
		ok = false
	default:
		seen[key] = block
	}

	var s ruleSchema
	diags = append(diags, listAllowed(gohcl.DecodeBody(block.Body, nil, &s),
		"A rule block accepts enabled and severity.")...)
	var rc ruleConfig
	if s.Enabled != nil {
		d := decode(s.Enabled.Expr, &rc.enabled, "Set enabled to true or false.")
		if d.HasErrors() {
			rc.enabled = nil
		}
		diags = append(diags, d...)
	}
	if s.Severity != nil {
		var sev *string
		d := decode(s.Severity.Expr, &sev, `Set severity to "low", "medium" or "high".`)
		if !d.HasErrors() && sev != nil {
			if parsed, err := lint.ParseSeverity(*sev); err == nil {
				rc.severity = parsed
			} else {
				d = append(d, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid severity",
					Detail:   fmt.Sprintf(`The severity %q is not one of the three levels. Set severity to "low", "medium" or "high".`, *sev),
					Subject:  s.Severity.Expr.Range().Ptr(),
					Context:  s.Severity.Range.Ptr(),
				})
			}
		}
		diags = append(diags, d...)
	}
	if ok {
		entry.rc = rc
		c.rules = append(c.rules, entry)
	}
	return diags
}

// listAllowed appends the keys a scope accepts to the Detail of hcl's
// diagnostics for unknown keys, which name the key but not the choices.
func listAllowed(diags hcl.Diagnostics, allowed string) hcl.Diagnostics {
	for _, d := range diags {
		if d.Summary == "Unsupported argument" || d.Summary == "Unsupported block type" {
			d.Detail = strings.TrimSpace(d.Detail) + " " + allowed
		}
	}
	return diags
}

// decode evaluates expr, which may use neither variables nor functions,
// and converts its value into target with gohcl. A type mismatch is
// reported on the whole expression, with advice appended to gohcl's
// Detail, which says what is wrong but not what to write instead.
func decode(expr hcl.Expression, target any, advice string) hcl.Diagnostics {
	// gohcl goes on converting after an evaluation error and then
	// reports a second, confusing "value must be known" problem.
	if _, diags := expr.Value(nil); diags.HasErrors() {
		return diags
	}
	diags := gohcl.DecodeExpression(expr, nil, target)
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Summary == "Unsuitable value type" {
			d.Detail = strings.TrimSuffix(strings.TrimSpace(d.Detail), ".") + ". " + advice
			d.Subject = expr.Range().Ptr()
		}
	}
	return diags
}

// sortDiagnostics orders diagnostics by the start of their subject;
// diagnostics without a subject come first, in their original order.
func sortDiagnostics(diags hcl.Diagnostics) {
	slices.SortStableFunc(diags, func(a, b *hcl.Diagnostic) int {
		switch {
		case a.Subject == nil && b.Subject == nil:
			return 0
		case a.Subject == nil:
			return -1
		case b.Subject == nil:
			return 1
		}
		return a.Subject.Start.Byte - b.Subject.Start.Byte
	})
}

// Path returns the path the file was loaded from, as passed to Load.
func (c *Config) Path() string {
	if c == nil {
		return ""
	}
	return c.path
}

// Exclude returns the exclude patterns in file order: slash-separated
// globs in which "*" and "?" match within one path segment and "**"
// matches any number of segments, the syntax of --exclude.
func (c *Config) Exclude() []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.exclude)
}

// Apply returns a copy of settings with the values the file sets added,
// replacing the ones passed in; values the file does not set are kept.
// Apply(nil) gives the settings of a scan that reads only this file.
func (c *Config) Apply(settings lint.Settings) lint.Settings {
	out := lint.Settings{}
	maps.Copy(out, settings)
	if c != nil {
		maps.Copy(out, c.settings)
	}
	return out
}

// RuleEnabled reports whether r is enabled: the file's enabled value when
// set is true, otherwise the rule's default (!r.Off) with set false.
func (c *Config) RuleEnabled(r *lint.Rule) (enabled, set bool) {
	if rc, ok := c.ruleBlock(r, func(rc ruleConfig) bool { return rc.enabled != nil }); ok {
		return *rc.enabled, true
	}
	return !r.Off, false
}

// RuleSeverity returns the severity of r's findings: the file's severity
// when set is true, otherwise the rule's default severity with set false.
// lint.Pass reports at Rule.Severity, so a caller that applies an override
// runs a copy of the rule with that field changed.
func (c *Config) RuleSeverity(r *lint.Rule) (severity lint.Severity, set bool) {
	if rc, ok := c.ruleBlock(r, func(rc ruleConfig) bool { return rc.severity != 0 }); ok {
		return rc.severity, true
	}
	return r.Severity, false
}

// DownloadModules reports whether the file sets download_modules = true:
// remote modules missing from .terraform/modules and from the module
// cache are downloaded, as with --download-modules.
func (c *Config) DownloadModules() bool {
	return c != nil && c.downloadModules
}

// ruleBlock returns the rule block that decides for r among those for
// which has is true: the most specific selector (ID or name, then family,
// then glob) wins, and among blocks of one kind the last.
func (c *Config) ruleBlock(r *lint.Rule, has func(ruleConfig) bool) (ruleConfig, bool) {
	if c == nil {
		return ruleConfig{}, false
	}
	best, found := ruleEntry{}, false
	for _, e := range c.rules {
		matches := e.ids[r.ID] || (e.ids == nil && e.label == r.ID)
		if !matches || !has(e.rc) {
			continue
		}
		kind := e.kind
		if kind == lint.SelectName {
			kind = lint.SelectID
		}
		bestKind := best.kind
		if bestKind == lint.SelectName {
			bestKind = lint.SelectID
		}
		if !found || kind <= bestKind {
			best, found = e, true
		}
	}
	return best.rc, found
}
