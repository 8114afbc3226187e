package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
)

// withLowFirst adds a low finding in a file that sorts before main.tf.
func withLowFirst() *report.Result {
	r := sample()
	r.Findings = append(r.Findings, lint.Finding{
		RuleID: "SPW501", RuleName: "lambda-without-throttles-alarm", Severity: lint.Low,
		Message: "aws_lambda_function.a has no throttles alarm", Resource: "aws_lambda_function.a",
		Range: rng("a.tf", 1, 1, 1, 2), Root: ".",
		FixSpecs: []lint.FixSpec{{Attribute: "x", Value: "1"}},
	})
	lint.SortFindings(r.Findings) // as a scan returns them: by file
	return r
}

// TestTextHidesSuppressed: suppressed and baselined findings are counted,
// not printed, unless ShowSuppressed (issue 16 item 8).
func TestTextHidesSuppressed(t *testing.T) {
	out := string(render(t, "text", report.Options{}, sample()))
	if strings.Contains(out, "SPW301 s3-notification-direct-to-lambda") {
		t.Errorf("a suppressed finding is printed by default:\n%s", out)
	}
	if !strings.Contains(out, "1 suppressed (--show-suppressed lists them)") {
		t.Errorf("the summary does not count the suppressed finding:\n%s", out)
	}
	out = string(render(t, "text", report.Options{ShowSuppressed: true}, sample()))
	if !strings.Contains(out, "SPW301 s3-notification-direct-to-lambda (suppressed)") {
		t.Errorf("ShowSuppressed does not print the suppressed finding:\n%s", out)
	}
}

// TestTextQuiet: Quiet prints the findings (and errors) and nothing else
// (issue 16 item 8).
func TestTextQuiet(t *testing.T) {
	out := string(render(t, "text", report.Options{Quiet: true}, sample()))
	for _, unwanted := range []string{"findings (", "note:", "could not be decided", "by rule", "not analyzed"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("quiet output contains %q:\n%s", unwanted, out)
		}
	}
	if !strings.Contains(out, "high SPW101") {
		t.Errorf("quiet output lacks the findings:\n%s", out)
	}
}

// TestTextBySeverityWithRuleCounts: findings are listed by severity,
// then location; each ends with how to learn more and whether it is
// fixable; the summary counts findings per rule (issue 16 item 8).
func TestTextBySeverityWithRuleCounts(t *testing.T) {
	out := string(render(t, "text", report.Options{}, withLowFirst()))
	hi, med, low := strings.Index(out, "high SPW101"), strings.Index(out, "medium SPW201"), strings.Index(out, "low SPW501")
	if hi < 0 || med < 0 || low < 0 || hi > med || med > low {
		t.Errorf("findings not ordered high, medium, low (at %d, %d, %d):\n%s", hi, med, low, out)
	}
	for _, want := range []string{
		"  more: spillway explain SPW101; no automatic fix\n",
		"  more: spillway explain SPW501; fixable: --diff shows the fix, --fix applies it\n",
		"by rule: SPW101 1, SPW201 1, SPW501 1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// TestMarkdownHidesSuppressed: Markdown counts suppressed findings and
// lists them only when asked (issue 16 item 8).
func TestMarkdownHidesSuppressed(t *testing.T) {
	out := string(render(t, "markdown", report.Options{}, sample()))
	if !strings.Contains(out, "1 suppressed") || strings.Contains(out, "SPW301") {
		t.Errorf("markdown does not count (only) the suppressed finding:\n%s", out)
	}
	out = string(render(t, "markdown", report.Options{ShowSuppressed: true}, sample()))
	if !strings.Contains(out, "SPW301") {
		t.Errorf("markdown with ShowSuppressed does not list the suppressed finding:\n%s", out)
	}
}

// TestMarkdownBySeverity: the Markdown table lists findings by severity,
// then location (issue 16 item 8).
func TestMarkdownBySeverity(t *testing.T) {
	out := string(render(t, "markdown", report.Options{}, withLowFirst()))
	hi, low := strings.Index(out, "| high |"), strings.Index(out, "| low |")
	if hi < 0 || low < 0 || hi > low {
		t.Errorf("markdown rows not ordered high before low (at %d, %d):\n%s", hi, low, out)
	}
}

// TestTextReadsEachFileOnce: excerpts of many problems in one file read
// and split it once (each problem used to split the whole file again:
// 40,000 errors in a 280 KB file took 51 s).
func TestTextReadsEachFileOnce(t *testing.T) {
	t.Parallel()
	var src strings.Builder
	var diags hcl.Diagnostics
	for i := range 500 {
		src.WriteString("a = \"x\n")
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Unterminated template string",
			Subject: &hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: i + 1, Column: 5}, End: hcl.Pos{Line: i + 1, Column: 6}},
		})
	}
	reads := 0
	r := &report.Result{Diagnostics: diags, Source: func(name string) []byte {
		reads++
		return []byte(src.String())
	}}
	var out bytes.Buffer
	if err := (&report.Text{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	if reads != 1 {
		t.Errorf("the text report read main.tf %d times for 500 excerpts, want once", reads)
	}
	if got := strings.Count(out.String(), "> 250 | a = \"x"); got != 1 {
		t.Errorf("the excerpt of line 250 appears %d times, want once:\n%.2000s", got, out.String())
	}
}
