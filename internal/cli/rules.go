package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// rulesFlagSet declares the flags of spillway rules.
func rulesFlagSet(format, cfgFile *string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("spillway rules", pflag.ContinueOnError)
	fs.StringVarP(format, "format", "f", "text", "output format: text, json, markdown (markdown lists the defaults, for docs)")
	fs.StringVarP(cfgFile, "config", "c", "", "config `FILE` (default: .spillway.hcl in PATH or the nearest parent, up to the repository root)")
	return fs
}

func runRules(args []string, stdout, stderr io.Writer, env Env) int {
	var format, cfgFile string
	fs := rulesFlagSet(&format, &cfgFile)
	if code, ok := parseArgs(fs, "rules", args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return fail(stderr, "rules: one PATH at most (the directory whose config file is shown)")
	}
	start := []string{"."}
	if fs.NArg() == 1 {
		start = fs.Args()
	}
	var cfg *config.Config
	if format != "markdown" {
		var code int
		if cfg, _, code = loadConfig(cfgFile, start, env, stderr, nil); code != ExitOK {
			return code
		}
	}
	// What a scan with this config runs, and at which severity.
	selected := map[string]*lint.Rule{}
	for _, r := range selectRules(cfg, nil, nil, nil) {
		selected[r.ID] = r
	}
	switch format {
	case "text":
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tENABLED\tSUMMARY")
		for _, r := range rules.All {
			sev, on := r.Severity.String(), "no"
			if s := selected[r.ID]; s != nil {
				on, sev = "yes", s.Severity.String()
			}
			if _, set := cfg.RuleEnabled(r); set {
				on += " (config)"
			} else if r.Off {
				on += " (default)"
			}
			if _, set := cfg.RuleSeverity(r); set {
				sev += " (config)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, sev, on, r.Summary)
		}
		if err := tw.Flush(); err != nil {
			return ExitError
		}
		if cfg.Path() != "" {
			fmt.Fprintf(stdout, "\nconfig: %s\n", cfg.Path())
		} else {
			fmt.Fprintf(stdout, "\nno %s found: every rule at its default\n", config.FileName)
		}
	case "json":
		type jsonRule struct {
			ID               string `json:"id"`
			Name             string `json:"name"`
			Severity         string `json:"severity"`
			EnabledByDefault bool   `json:"enabled_by_default"`
			Enabled          bool   `json:"enabled"`
			DefaultSeverity  string `json:"default_severity"`
			Family           string `json:"family"`
			Summary          string `json:"summary"`
			DocURL           string `json:"doc_url"`
		}
		out := []jsonRule{}
		for _, r := range rules.All {
			sev := r.Severity
			if s := selected[r.ID]; s != nil {
				sev = s.Severity
			}
			out = append(out, jsonRule{
				ID: r.ID, Name: r.Name, Severity: sev.String(), EnabledByDefault: !r.Off, Enabled: selected[r.ID] != nil,
				DefaultSeverity: r.Severity.String(), Family: r.Family(), Summary: r.Summary, DocURL: r.DocURL(),
			})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return ExitError
		}
	case "markdown":
		fmt.Fprintln(stdout, "| ID | Name | Severity | Summary |")
		fmt.Fprintln(stdout, "|---|---|---|---|")
		for _, r := range rules.All {
			sev := r.Severity.String()
			if r.Off {
				sev += " (off by default)"
			}
			fmt.Fprintf(stdout, "| [%s](docs/rules/%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Name, sev, strings.ReplaceAll(r.Summary, "|", "\\|"))
		}
	default:
		fmt.Fprintf(stderr, "spillway rules: --format: unknown format %q (want text, json or markdown)\n", format)
		return ExitError
	}
	return ExitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("spillway explain", pflag.ContinueOnError)
	if code, ok := parseArgs(fs, "explain", args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "spillway explain: give one rule, such as: spillway explain SPW101")
		fmt.Fprintln(stderr, "Run \"spillway explain --help\" for more.")
		return ExitError
	}
	r := rules.Lookup(fs.Arg(0))
	if r == nil {
		return fail(stderr, "unknown rule %q (run spillway rules for the list)", fs.Arg(0))
	}
	fmt.Fprint(stdout, r.Page())
	return ExitOK
}
