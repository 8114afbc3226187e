package report_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
)

const mainTF = `resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_function.worker.arn
  }
}
`

const moduleTF = `variable "name" {}

resource "aws_lambda_function" "api" {
  function_name = var.name
}
`

func rng(file string, sl, sc, el, ec int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: sl, Column: sc}, End: hcl.Pos{Line: el, Column: ec}}
}

// sample is a hand-built result covering every part of the reports: a
// finding with related resources, a finding in a module called twice, a
// suppressed finding, an undetermined check, an error and a note.
func sample() *report.Result {
	return &report.Result{
		ToolName:    "spillway",
		ToolVersion: "0.1.0",
		Findings: []lint.Finding{
			{
				RuleID: "SPW101", RuleName: "lambda-async-without-failure-destination", Severity: lint.High, Exposure: graph.ExposureEvent,
				Message:   "aws_lambda_function.worker is invoked asynchronously by aws_s3_bucket_notification.uploads (S3 bucket notification) but has no failure destination",
				Resource:  "aws_lambda_function.worker",
				Instances: []string{"aws_lambda_function.worker"},
				Range:     rng("main.tf", 1, 1, 3, 2),
				Related:   []lint.RelatedLocation{{Resource: "aws_s3_bucket_notification.uploads", Range: rng("main.tf", 5, 1, 10, 2), Role: "asynchronous trigger"}},
				Root:      ".", Fingerprint: lint.Fingerprint("SPW101", "aws_lambda_function.worker", "main.tf"),
			},
			{
				RuleID: "SPW301", RuleName: "s3-notification-direct-to-lambda", Severity: lint.Medium, Exposure: graph.ExposureEvent,
				Message:   "aws_s3_bucket_notification.uploads sends S3 events straight to aws_lambda_function.worker",
				Resource:  "aws_s3_bucket_notification.uploads",
				Instances: []string{"aws_s3_bucket_notification.uploads"},
				Range:     rng("main.tf", 5, 1, 10, 2),
				Root:      ".", Fingerprint: lint.Fingerprint("SPW301", "aws_s3_bucket_notification.uploads", "main.tf"),
				Suppressed: true, SuppressionKind: "inSource", Justification: "a few objects a day",
			},
			{
				RuleID: "SPW201", RuleName: "lambda-unreserved-concurrency", Severity: lint.Medium, Exposure: graph.ExposurePublic,
				Message:   "module.api[\"eu\"].aws_lambda_function.api has no reserved_concurrent_executions (in 3 instances across 2 root modules)",
				Resource:  "module.api[\"eu\"].aws_lambda_function.api",
				Instances: []string{"module.api[\"eu\"].aws_lambda_function.api", "module.api[\"us\"].aws_lambda_function.api"},
				RootInstances: []lint.Instance{
					{Root: ".", Address: "module.api[\"eu\"].aws_lambda_function.api"},
					{Root: ".", Address: "module.api[\"us\"].aws_lambda_function.api"},
					{Root: "examples/b", Address: "module.api.aws_lambda_function.api"},
				},
				Range: rng("modules/api/main.tf", 3, 1, 5, 2),
				Calls: []lint.Call{{Address: "module.api[\"eu\"]", Range: rng("main.tf", 12, 1, 12, 13)}},
				Related: []lint.RelatedLocation{
					{Resource: "module.api[\"eu\"]", Range: rng("main.tf", 12, 1, 12, 13), Role: "module call from root module ."},
					{Resource: "module.api", Range: rng("examples/b/main.tf", 1, 1, 1, 13), Role: "module call from root module examples/b"},
				},
				Root: ".", Fingerprint: lint.Fingerprint("SPW201", "aws_lambda_function.api", "modules/api/main.tf"),
			},
		},
		Undetermined: []lint.Undetermined{
			{RuleID: "SPW201", Resource: "aws_lambda_function.worker", Range: rng("main.tf", 1, 1, 3, 2), Unknown: "var.reserved", Root: "."},
		},
		Diagnostics: hcl.Diagnostics{
			{Severity: hcl.DiagError, Summary: "Unterminated template string", Detail: "No closing marker was found for the string.", Subject: &hcl.Range{Filename: "bad/main.tf", Start: hcl.Pos{Line: 3, Column: 43}, End: hcl.Pos{Line: 3, Column: 44}}},
			{Severity: hcl.DiagWarning, Summary: "Remote module not installed", Detail: "Run terraform init to analyze it.", Subject: &hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 12, Column: 12}, End: hcl.Pos{Line: 12, Column: 20}}, Extra: eval.NoteModuleNotInstalled},
			{Severity: hcl.DiagWarning, Summary: "Module source not supported", Detail: "The module \"b\" has the source \"s3::https://b/x.zip\", which spillway cannot fetch.", Subject: &hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 16, Column: 12}, End: hcl.Pos{Line: 16, Column: 20}}, Extra: eval.NoteModuleSourceUnsupported},
			{Severity: hcl.DiagWarning, Summary: "Old-style note", Detail: "A warning without a kind.", Subject: &hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2}}},
		},
		Stats: report.Stats{RootModules: 2, Files: 3, Resources: 3},
		Source: func(name string) []byte {
			switch name {
			case "main.tf":
				return []byte(mainTF)
			case "modules/api/main.tf":
				return []byte(moduleTF)
			case "bad/main.tf":
				return []byte("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n  redrive_policy = \"${var.x\n}\n")
			}
			return nil
		},
	}
}

func render(t *testing.T, format string, opts report.Options, r *report.Result) []byte {
	t.Helper()
	rep, err := report.New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name   string
		format string
		opts   report.Options
		result func() *report.Result
	}{
		{"sample.text", "text", report.Options{}, sample},
		{"sample-color.text", "text", report.Options{Color: true}, sample},
		{"sample.json", "json", report.Options{}, sample},
		{"empty.text", "text", report.Options{}, func() *report.Result { return &report.Result{ToolName: "spillway", ToolVersion: "0.1.0"} }},
		{"empty.json", "json", report.Options{}, func() *report.Result { return &report.Result{ToolName: "spillway", ToolVersion: "0.1.0"} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := render(t, c.format, c.opts, c.result())
			golden.Check(t, filepath.Join("..", "testdata", "report", c.format, c.name+".golden"), got)
		})
	}
}

func TestTextHasNoColorUnlessAsked(t *testing.T) {
	if out := render(t, "text", report.Options{}, sample()); bytes.Contains(out, []byte("\x1b[")) {
		t.Errorf("text without Color contains ANSI escapes")
	}
	if out := render(t, "text", report.Options{Color: true}, sample()); !bytes.Contains(out, []byte("\x1b[")) {
		t.Errorf("text with Color has no ANSI escapes")
	}
}

func TestJSONIsDeterministicAndValid(t *testing.T) {
	a := render(t, "json", report.Options{}, sample())
	b := render(t, "json", report.Options{}, sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	var doc map[string]any
	if err := json.Unmarshal(a, &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"version", "tool", "findings", "undetermined", "errors", "stats"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON report lacks %q", key)
		}
	}
	stats := doc["stats"].(map[string]any)["findings"].(map[string]any)
	// The suppressed SPW301 finding is not counted.
	if stats["high"] != 1.0 || stats["medium"] != 1.0 || stats["low"] != 0.0 {
		t.Errorf("stats.findings = %v, want high 1, medium 1, low 0", stats)
	}
}

func TestTextSanitizesHostileNames(t *testing.T) {
	r := sample()
	r.Findings[0].Resource = "aws_lambda_function.x\x1b]0;pwned\x07\n::error::forged"
	r.Findings[0].Message = "evil \x1b[2J message"
	out := string(render(t, "text", report.Options{}, r))
	if strings.Contains(out, "\x1b") || strings.Contains(out, "\x07") {
		t.Errorf("control characters reached the text output:\n%q", out)
	}
	if strings.Contains(out, "\n::error::forged") {
		t.Errorf("a newline in a resource name started a new output line")
	}
}

func TestNewUnknownFormat(t *testing.T) {
	if _, err := report.New("xml", report.Options{}); err == nil {
		t.Fatal("want an error for an unknown format")
	}
}

// TestUndeterminedShowsRootAndCalls checks that every format that reports
// undetermined checks names the root module and the module calls from it
// to the resource.
func TestUndeterminedShowsRootAndCalls(t *testing.T) {
	r := &report.Result{ToolName: "spillway", ToolVersion: "0.1.0", Stats: report.Stats{RootModules: 1, Files: 2, Resources: 1}}
	r.Undetermined = []lint.Undetermined{{
		RuleID: "SPW105", Resource: `module.q["orders"].aws_lambda_event_source_mapping.m`, Range: rng("modules/q/main.tf", 7, 1, 9, 2),
		Unknown: `var.queues["orders"]`, Root: "envs/prod",
		Calls: []lint.Call{{Address: `module.q["orders"]`, Range: rng("envs/prod/main.tf", 3, 1, 3, 20)}},
	}}
	var doc struct {
		Undetermined []struct {
			Root        string `json:"root"`
			ModuleCalls []struct {
				Address string `json:"address"`
				File    string `json:"file"`
				Line    int    `json:"line"`
			} `json:"module_calls"`
		} `json:"undetermined"`
	}
	if err := json.Unmarshal(render(t, "json", report.Options{}, r), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Undetermined) != 1 || doc.Undetermined[0].Root != "envs/prod" || len(doc.Undetermined[0].ModuleCalls) != 1 ||
		doc.Undetermined[0].ModuleCalls[0].Address != `module.q["orders"]` || doc.Undetermined[0].ModuleCalls[0].File != "envs/prod/main.tf" || doc.Undetermined[0].ModuleCalls[0].Line != 3 {
		t.Errorf("JSON undetermined lacks root or module calls: %+v", doc.Undetermined)
	}
	text := string(render(t, "text", report.Options{}, r))
	if want := `SPW105 module.q["orders"].aws_lambda_event_source_mapping.m at modules/q/main.tf:7:1 in root envs/prod via module.q["orders"] (envs/prod/main.tf:3:1)`; !strings.Contains(text, want) {
		t.Errorf("text lacks %q:\n%s", want, text)
	}
	sarif := string(render(t, "sarif", report.Options{}, r))
	for _, want := range []string{`"level": "note"`, `"root": "envs/prod"`, `"address": "module.q[\"orders\"]"`, `"file": "envs/prod/main.tf"`, `"id": "SPW105"`} {
		if !strings.Contains(sarif, want) {
			t.Errorf("SARIF lacks %s:\n%s", want, sarif)
		}
	}
}
