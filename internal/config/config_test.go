package config_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// known is the catalog the files are checked against.
var known = rules.All

// diag is the comparable part of an hcl.Diagnostic: severity, summary and
// the subject's range as "line:col-line:col".
type diag struct {
	Error   bool
	Summary string
	Subject string
}

func (d diag) String() string { return fmt.Sprintf("%s %s", d.Subject, d.Summary) }

func simplify(t *testing.T, diags hcl.Diagnostics) []diag {
	t.Helper()
	var out []diag
	for _, d := range diags {
		got := diag{Error: d.Severity == hcl.DiagError, Summary: d.Summary}
		if d.Subject != nil {
			got.Subject = fmt.Sprintf("%d:%d-%d:%d", d.Subject.Start.Line, d.Subject.Start.Column, d.Subject.End.Line, d.Subject.End.Column)
		}
		out = append(out, got)
	}
	return out
}

// checkDiagnosticStyle checks the style of STYLE.md habit 5: a short
// capitalised summary without a period, and a detail of whole sentences.
func checkDiagnosticStyle(t *testing.T, diags hcl.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		if d.Summary == "" || strings.ToUpper(d.Summary[:1]) != d.Summary[:1] || strings.HasSuffix(d.Summary, ".") {
			t.Errorf("summary %q: want capitalised, without a period", d.Summary)
		}
		if !strings.HasSuffix(d.Detail, ".") && !strings.HasSuffix(d.Detail, "?") {
			t.Errorf("%s: detail %q does not end a sentence", d.Summary, d.Detail)
		}
		if d.Subject == nil {
			t.Errorf("%s: no subject", d.Summary)
		} else if d.Subject.Filename != "test.hcl" {
			t.Errorf("%s: subject file %q, want test.hcl", d.Summary, d.Subject.Filename)
		}
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "config", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestLoadFull(t *testing.T) {
	t.Parallel()
	cfg, diags := config.Load("test.hcl", readFixture(t, "full.hcl"), known)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if got := cfg.Path(); got != "test.hcl" {
		t.Errorf("Path() = %q, want test.hcl", got)
	}
	if diff := cmp.Diff([]string{"legacy/**", "examples/**", "**/*.generated/*"}, cfg.Exclude()); diff != "" {
		t.Errorf("Exclude() (-want +got):\n%s", diff)
	}
	want := lint.Settings{"account_concurrency_limit": 3000, "visibility_multiplier": 4}
	if diff := cmp.Diff(want, cfg.Apply(nil)); diff != "" {
		t.Errorf("Apply() (-want +got):\n%s", diff)
	}

	tests := []struct {
		id                      string
		enabled, enabledSet     bool
		severity                lint.Severity
		severitySet             bool
		defaultSeverityExpected bool
	}{
		{id: "SPW404", enabled: false, enabledSet: true, defaultSeverityExpected: true},
		{id: "SPW201", enabled: true, severity: lint.High, severitySet: true},
		{id: "SPW505", enabled: true, enabledSet: true, severity: lint.Medium, severitySet: true},
		{id: "SPW101", enabled: true, defaultSeverityExpected: true},
		{id: "SPW102", enabled: true, defaultSeverityExpected: true},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			r := rules.ByID(tt.id)
			if tt.defaultSeverityExpected {
				tt.severity = r.Severity
			}
			enabled, set := cfg.RuleEnabled(r)
			if enabled != tt.enabled || set != tt.enabledSet {
				t.Errorf("RuleEnabled() = %t, %t; want %t, %t", enabled, set, tt.enabled, tt.enabledSet)
			}
			sev, set := cfg.RuleSeverity(r)
			if sev != tt.severity || set != tt.severitySet {
				t.Errorf("RuleSeverity() = %s, %t; want %s, %t", sev, set, tt.severity, tt.severitySet)
			}
		})
	}
}

// TestEmpty checks that an empty file, a file of nulls, the zero Config and
// a nil *Config all leave everything at its defaults.
func TestEmpty(t *testing.T) {
	t.Parallel()
	load := func(name string) func(t *testing.T) *config.Config {
		return func(t *testing.T) *config.Config {
			cfg, diags := config.Load("test.hcl", readFixture(t, name), known)
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			return cfg
		}
	}
	tests := []struct {
		name string
		cfg  func(t *testing.T) *config.Config
	}{
		{"empty file", load("empty.hcl")},
		{"nulls", load("nulls.hcl")},
		{"zero value", func(*testing.T) *config.Config { return &config.Config{} }},
		{"nil", func(*testing.T) *config.Config { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := tt.cfg(t)
			if got := cfg.Exclude(); len(got) != 0 {
				t.Errorf("Exclude() = %q, want none", got)
			}
			custom := lint.Settings{"account_concurrency_limit": 7, "visibility_multiplier": 2}
			if got := cfg.Apply(custom); !maps.Equal(got, custom) {
				t.Errorf("Apply() = %+v, want %+v unchanged", got, custom)
			}
			for _, r := range rules.All {
				if enabled, set := cfg.RuleEnabled(r); enabled != !r.Off || set {
					t.Errorf("%s: RuleEnabled() = %t, %t; want %t, false", r.ID, enabled, set, !r.Off)
				}
				if sev, set := cfg.RuleSeverity(r); sev != r.Severity || set {
					t.Errorf("%s: RuleSeverity() = %s, %t; want %s, false", r.ID, sev, set, r.Severity)
				}
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []diag
	}{
		{
			name: "syntax error",
			src:  "exclude = [\"a\"\n",
			want: []diag{{true, "Unterminated tuple constructor expression", "1:11-1:12"}},
		},
		{
			name: "unknown top-level argument",
			src:  "excludes = [\"a\"]\n",
			want: []diag{{true, "Unsupported argument", "1:1-1:9"}},
		},
		{
			name: "unknown top-level block",
			src:  "rules \"SPW201\" {\n}\n",
			want: []diag{{true, "Unsupported block type", "1:1-1:6"}},
		},
		{
			name: "unknown key in settings",
			src:  "settings {\n  account_limit = 10\n}\n",
			want: []diag{{true, "Unsupported argument", "2:3-2:16"}},
		},
		{
			name: "block inside settings",
			src:  "settings {\n  extra {}\n}\n",
			want: []diag{{true, "Unsupported block type", "2:3-2:8"}},
		},
		{
			name: "unknown key in rule",
			src:  "rule \"SPW201\" {\n  disabled = true\n}\n",
			want: []diag{{true, "Unsupported argument", "2:3-2:11"}},
		},
		{
			name: "argument set twice",
			src:  "rule \"SPW201\" {\n  enabled = true\n  enabled = false\n}\n",
			want: []diag{{true, "Attribute redefined", "3:3-3:10"}},
		},
		{
			name: "duplicate rule block",
			src:  "rule \"SPW201\" {\n  enabled = false\n}\n\nrule \"SPW201\" {\n  severity = \"low\"\n}\n",
			want: []diag{{true, "Duplicate rule block", "5:6-5:14"}},
		},
		{
			name: "duplicate settings block",
			src:  "settings {\n}\n  settings {\n  visibility_multiplier = 0\n}\n",
			want: []diag{
				{true, "Duplicate settings block", "3:3-3:11"},
				{true, "Invalid visibility multiplier", "4:27-4:28"},
			},
		},
		{
			name: "unknown rule ID",
			src:  "rule \"SPW999\" {\n  enabled = false\n}\n",
			want: []diag{{true, "Unknown rule ID", "1:6-1:14"}},
		},
		{
			name: "same rule in two cases",
			src:  "rule \"spw404\" {}\nrule \"SPW404\" {}\n",
			want: []diag{{true, "Duplicate rule block", "2:6-2:14"}},
		},
		{
			name: "bad fail_on",
			src:  "fail_on = \"critical\"\n",
			want: []diag{{true, "Invalid fail on", "1:11-1:21"}},
		},
		{
			name: "min_severity none",
			src:  "min_severity = \"none\"\n",
			want: []diag{{true, "Invalid min severity", "1:16-1:22"}},
		},
		{
			name: "var_files not a list",
			src:  "var_files = 3\n",
			want: []diag{{true, "Unsuitable value type", "1:13-1:14"}},
		},
		{
			name: "rule without ID",
			src:  "rule {\n}\n",
			want: []diag{{true, "Missing id for rule", "1:6-1:7"}},
		},
		{
			name: "rule with two labels",
			src:  "rule \"SPW201\" \"x\" {\n}\n",
			want: []diag{{true, "Extraneous label for rule", "1:15-1:18"}},
		},
		{
			name: "bad severity",
			src:  "rule \"SPW201\" {\n  severity = \"critical\"\n}\n",
			want: []diag{{true, "Invalid severity", "2:14-2:24"}},
		},
		{
			name: "severity of the wrong type",
			src:  "rule \"SPW201\" {\n  severity = [\"high\"]\n}\n",
			want: []diag{{true, "Unsuitable value type", "2:14-2:22"}},
		},
		{
			name: "enabled not a bool",
			src:  "rule \"SPW201\" {\n  enabled = \"no\"\n}\n",
			want: []diag{{true, "Unsuitable value type", "2:13-2:17"}},
		},
		{
			name: "zero account concurrency limit",
			src:  "settings {\n  account_concurrency_limit = 0\n}\n",
			want: []diag{{true, "Invalid account concurrency limit", "2:31-2:32"}},
		},
		{
			name: "negative account concurrency limit",
			src:  "settings {\n  account_concurrency_limit = -1000\n}\n",
			want: []diag{{true, "Invalid account concurrency limit", "2:31-2:36"}},
		},
		{
			name: "fractional account concurrency limit",
			src:  "settings {\n  account_concurrency_limit = 1.5\n}\n",
			want: []diag{{true, "Unsuitable value type", "2:31-2:34"}},
		},
		{
			name: "account concurrency limit not a number",
			src:  "settings {\n  account_concurrency_limit = \"many\"\n}\n",
			want: []diag{{true, "Unsuitable value type", "2:31-2:37"}},
		},
		{
			name: "visibility multiplier zero",
			src:  "settings {\n  visibility_multiplier = 0\n}\n",
			want: []diag{{true, "Invalid visibility multiplier", "2:27-2:28"}},
		},
		{
			name: "visibility multiplier below 1",
			src:  "settings {\n  visibility_multiplier = -6\n}\n",
			want: []diag{{true, "Invalid visibility multiplier", "2:27-2:29"}},
		},
		{
			name: "invalid glob",
			src:  "exclude = [\"legacy/**\", \"bad/[\"]\n",
			want: []diag{{true, "Invalid exclude pattern", "1:25-1:32"}},
		},
		{
			name: "invalid glob with a trailing backslash",
			src:  "exclude = [\n  \"ok\",\n  \"dir\\\\\",\n]\n",
			want: []diag{{true, "Invalid exclude pattern", "3:3-3:10"}},
		},
		{
			name: "empty glob",
			src:  "exclude = [\"\"]\n",
			want: []diag{{true, "Empty exclude pattern", "1:12-1:14"}},
		},
		{
			name: "exclude not a list",
			src:  "exclude = \"legacy/**\"\n",
			want: []diag{{true, "Unsuitable value type", "1:11-1:22"}},
		},
		{
			name: "exclude element not a string",
			src:  "exclude = [[\"a\"]]\n",
			want: []diag{{true, "Unsuitable value type", "1:11-1:18"}},
		},
		{
			name: "variable in a value",
			src:  "exclude = [var.legacy]\n",
			want: []diag{{true, "Variables not allowed", "1:12-1:15"}},
		},
		{
			name: "function call in a value",
			src:  "settings {\n  account_concurrency_limit = max(1, 2)\n}\n",
			want: []diag{{true, "Function calls not allowed", "2:31-2:40"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := config.Load("test.hcl", []byte(tt.src), known)
			if diff := cmp.Diff(tt.want, simplify(t, diags)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, diags)
			}
			checkDiagnosticStyle(t, diags)
		})
	}
}

// TestLoadErrorsFixture loads a file with many problems: every one is
// reported, in source order, and the valid parts are kept.
func TestLoadErrorsFixture(t *testing.T) {
	t.Parallel()
	cfg, diags := config.Load("test.hcl", readFixture(t, "errors.hcl"), known)
	want := []diag{
		{true, "Invalid exclude pattern", "2:21-2:28"},
		{true, "Empty exclude pattern", "2:30-2:32"},
		{true, "Unsupported argument", "3:1-3:9"},
		{true, "Invalid account concurrency limit", "6:31-6:32"},
		{true, "Invalid visibility multiplier", "7:31-7:33"},
		{true, "Unsupported argument", "8:3-8:18"},
		{true, "Duplicate settings block", "11:1-11:9"},
		{true, "Invalid severity", "14:14-14:24"},
		{true, "Duplicate rule block", "17:6-17:14"},
		{true, "Unknown rule ID", "21:6-21:14"},
		{true, "Unsuitable value type", "22:13-22:17"},
		// rule "spw404": an ID in lower case is accepted since issue 16.
		{true, "Unsupported argument", "26:3-26:11"},
	}
	if diff := cmp.Diff(want, simplify(t, diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	checkDiagnosticStyle(t, diags)
	if diff := cmp.Diff([]string{"ok/**"}, cfg.Exclude()); diff != "" {
		t.Errorf("Exclude() keeps the valid patterns (-want +got):\n%s", diff)
	}
	if got := cfg.Apply(nil); len(got) != 0 {
		t.Errorf("Apply() = %+v, want the defaults: no setting was valid", got)
	}
	spw201 := rules.ByID("SPW201")
	if enabled, set := cfg.RuleEnabled(spw201); !enabled || set {
		t.Errorf("RuleEnabled(SPW201) = %t, %t; the duplicate block must not count", enabled, set)
	}
}

// TestLoadDetails checks the wording that carries advice.
func TestLoadDetails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"rules hint", `rule "SPW999" {}`, `Run "spillway rules"`},
		{"duplicate points at the first", "rule \"SPW201\" {}\nrule \"SPW201\" {}\n", "already configured at test.hcl:1,1-14"},
		{"severity levels", `rule "SPW201" { severity = "critical" }`, `"critical" is not one of the three levels. Set severity to "low", "medium" or "high".`},
		{"type advice", `rule "SPW201" { enabled = "no" }`, "Set enabled to true or false."},
		{"number advice", `settings { visibility_multiplier = "x" }`, "Set visibility_multiplier to a positive whole number."},
		{"below one", `settings { visibility_multiplier = 0 }`, "The value is 0, but visibility_multiplier must be a whole number of at least 1."},
		{"glob", `exclude = ["a/["]`, `The pattern "a/[" is not a valid glob`},
		{"top-level keys", `excludes = []`, `An argument named "excludes" is not expected here. Did you mean "exclude"? The top level of the file accepts the exclude, download_modules, fail_on, min_severity, var_files and require_reason_for_foreign_ignores arguments and settings and rule blocks.`},
		{"settings keys", `settings { limit = 1 }`, "A settings block accepts price_gb_second_x86_64_picousd, price_gb_second_arm64_picousd, price_request_picousd, account_concurrency_limit and visibility_multiplier."},
		{"rule keys", `rule "SPW201" { enable = true }`, `Did you mean "enabled"? A rule block accepts enabled and severity.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := config.Load("test.hcl", []byte(tt.src), known)
			if len(diags) != 1 {
				t.Fatalf("want one diagnostic, got %v", diags)
			}
			if !strings.Contains(diags[0].Detail, tt.want) {
				t.Errorf("detail %q does not contain %q", diags[0].Detail, tt.want)
			}
		})
	}
}

// TestLoadNilKnown checks that a nil known accepts every rule ID.
func TestLoadNilKnown(t *testing.T) {
	t.Parallel()
	cfg, diags := config.Load("test.hcl", []byte("rule \"SPW999\" {\n  enabled = false\n}\n"), nil)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if enabled, set := cfg.RuleEnabled(&lint.Rule{ID: "SPW999"}); enabled || !set {
		t.Errorf("RuleEnabled() = %t, %t; want false, true", enabled, set)
	}
}

// TestDeepNestingIsAnErrorNotAStackOverflow: 200,000 nested "[" in the
// config file give a positioned error.
func TestDeepNestingIsAnErrorNotAStackOverflow(t *testing.T) {
	src := "exclude = " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n"
	_, diags := config.Load(".spillway.hcl", []byte(src), nil)
	if !diags.HasErrors() || diags[0].Subject == nil || diags[0].Subject.Filename != ".spillway.hcl" {
		t.Fatalf("diags = %v", diags)
	}
}

// TestHugeExcludeListIsRefusedBeforeDecoding: an exclude list above the
// limit is one error, found on the syntax.
func TestHugeExcludeListIsRefusedBeforeDecoding(t *testing.T) {
	var b strings.Builder
	b.WriteString("exclude = [")
	for i := 0; i <= config.MaxExcludePatterns; i++ {
		fmt.Fprintf(&b, "%q,", fmt.Sprintf("d%d/**", i))
	}
	b.WriteString("]\n")
	_, diags := config.Load(".spillway.hcl", []byte(b.String()), nil)
	if len(diags) != 1 || diags[0].Summary != "Too many exclude patterns" {
		t.Fatalf("diags = %v", diags)
	}
}

func TestDownloadModules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src   string
		want  bool
		valid bool
	}{
		{``, false, true},
		{`download_modules = true`, true, true},
		{`download_modules = false`, false, true},
		{`download_modules = "yes"`, false, false},
	} {
		cfg, diags := config.Load(".spillway.hcl", []byte(tc.src), nil)
		if diags.HasErrors() == tc.valid {
			t.Errorf("%q: diagnostics %v", tc.src, diags)
		}
		if got := cfg.DownloadModules(); got != tc.want {
			t.Errorf("%q: DownloadModules = %v, want %v", tc.src, got, tc.want)
		}
	}
	var nilCfg *config.Config
	if nilCfg.DownloadModules() {
		t.Error("a nil Config downloads modules")
	}
}

// TestRuleSelectors: a rule block names rules by ID in any case, by name,
// by family (front-door or "front door") or by a glob; the most specific
// block wins (issue 16 item 9).
func TestRuleSelectors(t *testing.T) {
	t.Parallel()
	src := `
rule "monitoring" { enabled = false }
rule "spw502" { enabled = true }
rule "front door" { severity = "high" }
rule "SPW40*" { severity = "low" }
rule "lambda-unreserved-concurrency" { enabled = false }
rule "async" { severity = "low" }
`
	cfg, diags := config.Load("test.hcl", []byte(src), known)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	enabled := func(id string) bool { on, _ := cfg.RuleEnabled(rules.ByID(id)); return on }
	sev := func(id string) lint.Severity { s, _ := cfg.RuleSeverity(rules.ByID(id)); return s }
	for id, want := range map[string]bool{"SPW501": false, "SPW502": true, "SPW201": false, "SPW101": true} {
		if got := enabled(id); got != want {
			t.Errorf("%s enabled = %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]lint.Severity{"SPW401": lint.High, "SPW404": lint.High, "SPW101": lint.Low} {
		if got := sev(id); got != want {
			t.Errorf("%s severity = %v, want %v", id, got, want)
		}
	}
	cfg, diags = config.Load("test.hcl", []byte(`rule "front-door" { enabled = false }`), known)
	if diags.HasErrors() || enabled("SPW401") {
		t.Errorf("front-door: %v %v", diags, enabled("SPW401"))
	}
}

// TestScanOptions: fail_on, min_severity and var_files (issue 16 item 10).
func TestScanOptions(t *testing.T) {
	t.Parallel()
	cfg, diags := config.Load("test.hcl", []byte("fail_on = \"none\"\nmin_severity = \"Medium\"\nvar_files = [\"prod.tfvars\", \"env/x.tfvars\"]\n"), known)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if v, ok := cfg.FailOn(); !ok || v != "none" {
		t.Errorf("FailOn = %q %v", v, ok)
	}
	if v, ok := cfg.MinSeverity(); !ok || v != lint.Medium {
		t.Errorf("MinSeverity = %v %v", v, ok)
	}
	if got := cfg.VarFiles(); !cmp.Equal(got, []string{"prod.tfvars", "env/x.tfvars"}) {
		t.Errorf("VarFiles = %q", got)
	}
	var empty *config.Config
	if _, ok := empty.FailOn(); ok {
		t.Error("nil config sets fail_on")
	}
}
