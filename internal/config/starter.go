package config

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/lint"
)

// starterWidth is the column the comments of the starter file wrap at.
const starterWidth = 79

// starterHeader opens the starter file.
const starterHeader = `# .spillway.hcl: configuration of spillway, the availability linter for
# AWS serverless Terraform and OpenTofu.
#
# "spillway scan" reads this file from the scanned directory or the nearest
# parent directory that holds one, up to the repository root (the nearest
# .git); --config FILE reads another file instead.
# Every key is optional. The command line wins over this file: --exclude
# adds patterns, and --enable and --disable override the rule blocks.
#
# Everything below is commented out and shows the defaults. Uncomment a
# stanza and edit its values. "spillway rules" lists the rules and
# "spillway explain SPWnnn" prints a rule's documentation.

# Paths that are not scanned, as slash-separated globs: "*" and "?" match
# within one path segment and "**" matches any number of segments.
# exclude = ["legacy/**", "examples/**"]

# Download registry, git and archive modules that terraform init has not
# installed into the module cache, as --download-modules does. Modules
# already in the cache are read without it.
# download_modules = true

# Findings at or above this severity make the exit code 1 (--fail-on):
# "low", "medium", "high" or "none".
# fail_on = "low"

# Findings below this severity are not reported (--min-severity).
# min_severity = "low"

# Variable files read before --var-file and --var, relative to this file.
# var_files = ["prod.tfvars"]

# Ignore comments of other tools (#trivy:ignore:ID, #tfsec:ignore:ID,
# #checkov:skip=ID) suppress the matching spillway rules; set this to true
# to make them give a reason, as spillway:ignore does.
# require_reason_for_foreign_ignores = false

# Values the rules read.
# settings {
%s# }

# Rules. A rule block can turn a rule off (enabled = false), turn on a rule
# that is off by default (enabled = true), or change the severity of its
# findings (severity = "low", "medium" or "high"). Its label is a rule ID, a
# rule name, a family (async, concurrency, wiring, front-door, monitoring)
# or a glob such as "SPW5*"; the most specific block wins.
`

// starterComments are the starter file's comments on the settings, by
// name. A setting without one is explained by its owner's ID and its Doc.
var starterComments = map[string]string{
	"account_concurrency_limit": "The account's quota of concurrent Lambda executions, used by the concurrency rules (SPW201, SPW203, SPW204, SPW407, SPW503).",
	"visibility_multiplier":     "SPW303: how many times the consuming function's timeout an SQS queue's visibility timeout must reach. AWS recommends 6.",
}

// Starter returns the commented starter file that "spillway init" writes:
// a header explaining the file, then the exclude list, the settings the
// rules declare with their defaults and one rule block per rule in rules,
// all commented out.
// The file loads with no diagnostics as it is, and still does with any
// stanza uncommented (stripping the leading "# " of its lines).
func Starter(rules []*lint.Rule) []byte {
	var b strings.Builder
	var settings strings.Builder
	for _, r := range rules {
		for _, s := range r.Settings {
			if settings.Len() > 0 {
				settings.WriteString("#\n")
			}
			comment, ok := starterComments[s.Name]
			if !ok {
				comment = r.ID + ": " + s.Doc
			}
			writeWrapped(&settings, "#   # ", comment)
			fmt.Fprintf(&settings, "#   %s = %d\n", s.Name, s.Default)
		}
	}
	fmt.Fprintf(&b, starterHeader, settings.String())
	for _, r := range rules {
		b.WriteString("\n")
		fmt.Fprintf(&b, "# rule %q {\n", r.ID)
		sev := r.Severity.String()
		if r.Off {
			sev += ", off by default"
		}
		writeWrapped(&b, "#   # ", fmt.Sprintf("%s (%s): %s", r.Name, sev, r.Summary))
		if r.Off {
			writeWrapped(&b, "#   # ", "This rule does not run unless it is enabled: uncomment this block and set enabled = true.")
		}
		fmt.Fprintf(&b, "#   enabled  = %t\n", !r.Off)
		fmt.Fprintf(&b, "#   severity = %q\n", r.Severity.String())
		b.WriteString("# }\n")
	}
	return []byte(b.String())
}

// writeWrapped writes text as lines that start with prefix and wrap at
// starterWidth; a word longer than a line gets a line of its own.
func writeWrapped(b *strings.Builder, prefix, text string) {
	line := prefix
	for _, word := range strings.Fields(text) {
		if line != prefix && len(line)+1+len(word) > starterWidth {
			b.WriteString(line + "\n")
			line = prefix
		}
		if line != prefix {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
}
