package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/rules"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("spillway rules", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.StringP("format", "f", "text", "output format: text, json, markdown")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	switch *format {
	case "text":
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tSUMMARY")
		for _, r := range rules.All {
			sev := r.Severity.String()
			if r.Off {
				sev += " (off)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, sev, r.Summary)
		}
		if err := tw.Flush(); err != nil {
			return ExitError
		}
	case "json":
		type jsonRule struct {
			ID               string `json:"id"`
			Name             string `json:"name"`
			Severity         string `json:"severity"`
			EnabledByDefault bool   `json:"enabled_by_default"`
			Family           string `json:"family"`
			Summary          string `json:"summary"`
			DocURL           string `json:"doc_url"`
		}
		out := []jsonRule{}
		for _, r := range rules.All {
			out = append(out, jsonRule{ID: r.ID, Name: r.Name, Severity: r.Severity.String(), EnabledByDefault: !r.Off, Family: r.Family(), Summary: r.Summary, DocURL: r.DocURL()})
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
		fmt.Fprintf(stderr, "spillway: --format: unknown format %q (want text, json or markdown)\n", *format)
		return ExitError
	}
	return ExitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "spillway: usage: spillway explain SPWnnn")
		return ExitError
	}
	r := rules.Lookup(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "spillway: unknown rule %q (run spillway rules for the list)\n", args[0])
		return ExitError
	}
	fmt.Fprint(stdout, r.Page())
	return ExitOK
}
