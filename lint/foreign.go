package lint

import (
	"bytes"
	"strings"
	"time"
)

// Ignore comments of other scanners that spillway honours.
const (
	trivyKeyword = "trivy:ignore:"
	tfsecKeyword = "tfsec:ignore:"
)

// ForeignMapping is a check of another scanner whose meaning matches a
// spillway rule: skipping it with that scanner's comment also suppresses
// the spillway rule on the same resource.
type ForeignMapping struct {
	Tool  string // checkov, trivy or tfsec
	ID    string // the check's ID as the tool writes it
	Title string // what the check asks for
	Rule  string // the spillway rule
}

// ForeignMappings are the checks of other scanners that mean what a
// spillway rule means. Only true matches are listed: a check about
// something spillway does not judge (X-Ray tracing, a VPC, encryption,
// code signing, a function URL's authorization type on its own) maps to
// nothing, and its ignore comments are left to their tool.
var ForeignMappings = []ForeignMapping{
	{"checkov", "CKV_AWS_116", "Lambda function configured with a dead-letter queue", "SPW101"},
	{"checkov", "CKV_AWS_115", "Lambda function has a function-level concurrent execution limit", "SPW201"},
	{"checkov", "CKV_AWS_120", "API Gateway caching is enabled", "SPW404"},
	{"checkov", "CKV_AWS_225", "API Gateway method setting caching is enabled", "SPW404"},
	{"checkov", "CKV2_AWS_29", "public API Gateway is protected by WAF", "SPW405"},
	{"trivy", "AVD-AWS-0190", "API Gateway stage caching is enabled (aws-api-gateway-enable-cache)", "SPW404"},
	{"tfsec", "aws-api-gateway-enable-cache", "the long ID of AVD-AWS-0190, in trivy and tfsec comments", "SPW404"},
}

// ForeignRule returns the spillway rule a check of another scanner maps
// to. IDs match without regard to case.
func ForeignRule(id string) (string, bool) {
	for _, m := range ForeignMappings {
		if strings.EqualFold(m.ID, id) {
			return m.Rule, true
		}
	}
	return "", false
}

// mayHoldForeignIgnore reports whether src may hold a trivy or tfsec
// ignore comment.
func mayHoldForeignIgnore(src []byte) bool {
	return bytes.Contains(src, []byte(trivyKeyword)) || bytes.Contains(src, []byte(tfsecKeyword))
}

// parseForeignIgnore parses trivy's and tfsec's syntax,
// trivy:ignore:ID[:exp:YYYY-MM-DD][ reason] (tfsec:ignore: alike), and
// keeps an ID that maps to a spillway rule. The reason is what follows
// the ID, without the separators people put before it (":", "-").
func parseForeignIgnore(text string) (Directive, bool) {
	keyword := trivyKeyword
	if strings.HasPrefix(text, tfsecKeyword) {
		keyword = tfsecKeyword
	}
	s := text[len(keyword):]
	end := 0
	for end < len(s) && (isWordChar(s[end]) || s[end] == '-') {
		end++
	}
	id, rest := s[:end], s[end:]
	rule, ok := ForeignRule(id)
	if !ok {
		return Directive{}, false
	}
	d := Directive{Foreign: true, Label: keyword + id, Rules: []string{rule}}
	if after, ok := strings.CutPrefix(rest, ":exp:"); ok {
		date := after
		if i := strings.IndexFunc(after, func(r rune) bool { return r == ' ' || r == '\t' || r == ':' }); i >= 0 {
			date, rest = after[:i], after[i:]
		} else {
			rest = ""
		}
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			d.Problem = "exp:" + truncate(date, 20) + " is not a date of the form YYYY-MM-DD"
			return d, true
		}
		d.Until = t
	}
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	d.Reason = cleanText(strings.TrimLeft(rest, " \t:-"))
	return d, true
}

// AcceptWithoutReason gives a comment of another scanner that has no
// reason a stand-in one, so that ApplySuppressions lets it suppress
// instead of reporting it: the default, since those tools do not ask for
// reasons. A config with require_reason_for_foreign_ignores skips this,
// and such comments are SPW000 findings that suppress nothing. Other
// directives are left as they are.
func (d *Directive) AcceptWithoutReason() {
	if d.Foreign && d.Reason == "" && d.Problem == "" {
		d.Reason = "no reason given (" + d.Label + ")"
	}
}
