package rules

import (
	"embed"
	"strings"
)

//go:embed doc/*.md
var docFS embed.FS

// doc returns the long documentation of a rule, kept as Markdown next to
// the code in doc/<ID>.md. A missing page is a programming error caught by
// every test run.
func doc(id string) string {
	b, err := docFS.ReadFile("doc/" + id + ".md")
	if err != nil {
		panic("rules: no documentation for " + id + ": " + err.Error())
	}
	return strings.TrimSpace(string(b))
}
