package parser_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/parser"
)

func TestOverrideMerge(t *testing.T) {
	t.Parallel()
	m := fixture(t, "override").Module(".")
	if m.Broken || len(m.Diags) > 0 {
		t.Fatalf("broken=%v diags: %s", m.Broken, m.Diags.Error())
	}
	wantFiles := []string{"main.tf", "main_override.tf.json", "override.tf", "z_override.tf"}
	if diff := cmp.Diff(wantFiles, fileNames(m)); diff != "" {
		t.Errorf("Files (-want +got):\n%s", diff)
	}
	f := m.Resources["aws_lambda_function.f"]
	q := m.Resources["aws_sqs_queue.q"]
	mc := m.ModuleCalls["m"]
	if f == nil || q == nil || mc == nil {
		t.Fatalf("missing blocks: f=%v q=%v m=%v", f, q, mc)
	}

	t.Run("values", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name string
			got  func(t *testing.T) cty.Value
			want cty.Value
		}{
			// Later override files win: z_override.tf comes after
			// override.tf.
			{"resource argument replaced", func(t *testing.T) cty.Value { return attrValue(t, f.Config, "timeout") }, cty.NumberIntVal(60)},
			{"resource argument from JSON override", func(t *testing.T) cty.Value { return attrValue(t, f.Config, "memory_size") }, cty.NumberIntVal(256)},
			{"resource argument kept", func(t *testing.T) cty.Value { return attrValue(t, f.Config, "function_name") }, cty.StringVal("f")},
			{"variable default overridden", func(t *testing.T) cty.Value { return literal(t, m.Variables["size"].Default) }, cty.NumberIntVal(10)},
			{"local replaced", func(t *testing.T) cty.Value { return literal(t, m.Locals["replaced"].Expr) }, cty.StringVal("override")},
			{"local kept", func(t *testing.T) cty.Value { return literal(t, m.Locals["kept"].Expr) }, cty.StringVal("base")},
			{"module input overridden", func(t *testing.T) cty.Value { return literal(t, mc.Inputs["name"].Expr) }, cty.StringVal("json")},
			{"module input kept", func(t *testing.T) cty.Value { return literal(t, mc.Inputs["other"].Expr) }, cty.StringVal("kept")},
			{"output value overridden", func(t *testing.T) cty.Value { return literal(t, m.Outputs["o"].Expr) }, cty.StringVal("json")},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				if got := tt.got(t); !ctyEqual(got, tt.want) {
					t.Errorf("got %s, want %s", got.GoString(), tt.want.GoString())
				}
			})
		}
	})

	t.Run("variable type kept", func(t *testing.T) {
		t.Parallel()
		if kw := hcl.ExprAsKeyword(m.Variables["size"].Type); kw != "number" {
			t.Errorf("type = %q, want number", kw)
		}
	})

	t.Run("nested blocks replaced by type", func(t *testing.T) {
		t.Parallel()
		schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
			{Type: "environment"}, {Type: "vpc_config"}, {Type: "tracing_config"},
			{Type: "dynamic", LabelNames: []string{"type"}},
		}}
		content, _, diags := f.Config.PartialContent(schema)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		var got []string
		for _, b := range content.Blocks {
			desc := b.Type
			if len(b.Labels) > 0 {
				desc += " " + b.Labels[0]
			}
			got = append(got, fmt.Sprintf("%s@%s:%d", desc, b.DefRange.Filename, b.DefRange.Start.Line))
		}
		// environment: override's block replaces the base's;
		// vpc_config: kept; the dynamic "tracing_config" is replaced by
		// the override's static tracing_config.
		want := []string{"vpc_config@main.tf:20", "environment@override.tf:12", "tracing_config@override.tf:16"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("blocks (-want +got):\n%s", diff)
		}
		for _, b := range content.Blocks {
			if b.Type == "environment" {
				want := cty.ObjectVal(map[string]cty.Value{"B": cty.StringVal("2")})
				if got := attrValue(t, b.Body, "variables"); !ctyEqual(got, want) {
					t.Errorf("environment.variables = %s, want %s", got.GoString(), want.GoString())
				}
			}
		}
	})

	t.Run("for_each replaces count", func(t *testing.T) {
		t.Parallel()
		if q.Count != nil {
			t.Errorf("Count = %v, want nil", q.Count)
		}
		if q.ForEach == nil {
			t.Fatal("ForEach = nil")
		}
		if got := q.ForEach.Range().Filename; got != "override.tf" {
			t.Errorf("ForEach from %s, want override.tf", got)
		}
	})
}

func TestOverrideTofu(t *testing.T) {
	t.Parallel()
	m := fixture(t, "override_tofu").Module(".")
	if m.Broken || len(m.Diags) > 0 {
		t.Fatalf("broken=%v diags: %s", m.Broken, m.Diags.Error())
	}
	if diff := cmp.Diff([]string{"main.tofu", "override.tofu", "x_override.tofu.json"}, fileNames(m)); diff != "" {
		t.Errorf("Files (-want +got):\n%s", diff)
	}
	f := m.Resources["aws_lambda_function.f"]
	if got := attrValue(t, f.Config, "timeout"); !ctyEqual(got, cty.NumberIntVal(45)) {
		t.Errorf("timeout = %s, want 45 (override.tofu replaces override.tf)", got.GoString())
	}
	if got := attrValue(t, f.Config, "memory_size"); !ctyEqual(got, cty.NumberIntVal(512)) {
		t.Errorf("memory_size = %s, want 512", got.GoString())
	}
}

func TestOverrideMissingBase(t *testing.T) {
	t.Parallel()
	m := fixture(t, "override_missing_base").Module(".")
	want := []diag{
		{Severity: hcl.DiagError, Summary: "Missing base resource to override", Subject: "override.tf:1,1"},
		{Severity: hcl.DiagError, Summary: "Missing base variable to override", Subject: "override.tf:5,1"},
		{Severity: hcl.DiagError, Summary: "Missing base local value to override", Subject: "override.tf:10,3"},
		{Severity: hcl.DiagError, Summary: "Missing base output to override", Subject: "override.tf:13,1"},
		{Severity: hcl.DiagError, Summary: "Missing base module call to override", Subject: "override.tf:17,1"},
		{Severity: hcl.DiagError, Summary: "Missing base data resource to override", Subject: "override.tf:21,1"},
	}
	if diff := cmp.Diff(want, diagsOf(m.Diags)); diff != "" {
		t.Errorf("Diags (-want +got):\n%s", diff)
	}
	if _, ok := m.Locals["absent"]; ok {
		t.Error("an override created the local value \"absent\"")
	}
	if got := attrValue(t, m.Resources["aws_lambda_function.f"].Config, "timeout"); !ctyEqual(got, cty.NumberIntVal(3)) {
		t.Errorf("timeout = %s, want 3", got.GoString())
	}
}

func TestDecode(t *testing.T) {
	t.Parallel()
	src := `variable "v" {
  type     = list(string)
  default  = []
  nullable = false
}

module "m" {
  source     = "./mod"
  for_each   = var.v
  name       = "x"
  version    = "1.0"
  providers  = { aws = aws.west }
  depends_on = [aws_sqs_queue.q]
}

resource "aws_sqs_queue" "q" {
  count = 2
  name  = "q"
}

data "aws_region" "r" {}

ephemeral "aws_secret" "s" {}

resource "aws_sns_topic" "t" {
}

output "o" {
  value = aws_sqs_queue.q[0].arn
}

output "empty" {
  description = "no value"
}
`
	m := parser.NewLoader(mapFS(map[string]string{"main.tf": src, "mod/main.tf": ""}), parser.Options{}).Module(".")
	if m.Broken || len(m.Diags) > 0 {
		t.Fatalf("broken=%v diags: %s", m.Broken, m.Diags.Error())
	}
	type resource struct {
		Key, Type, Name string
		Mode            parser.Mode
		Count, ForEach  bool
		Decl, Range     string
		Order           int
	}
	rng := func(r hcl.Range) string {
		return fmt.Sprintf("%s:%d,%d-%d,%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
	var got []resource
	for _, r := range append(m.SortedResources(), m.DataResources["data.aws_region.r"], m.DataResources["ephemeral.aws_secret.s"]) {
		got = append(got, resource{r.Key(), r.Type, r.Name, r.Mode, r.Count != nil, r.ForEach != nil, rng(r.DeclRange), rng(r.Range), r.Order})
	}
	want := []resource{
		{"aws_sqs_queue.q", "aws_sqs_queue", "q", parser.Managed, true, false, "main.tf:16,1-16,29", "main.tf:16,1-19,2", 0},
		{"aws_sns_topic.t", "aws_sns_topic", "t", parser.Managed, false, false, "main.tf:25,1-25,29", "main.tf:25,1-26,2", 3},
		{"data.aws_region.r", "aws_region", "r", parser.Data, false, false, "main.tf:21,1-21,22", "main.tf:21,1-21,25", 1},
		{"ephemeral.aws_secret.s", "aws_secret", "s", parser.Ephemeral, false, false, "main.tf:23,1-23,27", "main.tf:23,1-23,30", 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}

	c := m.ModuleCalls["m"]
	if c.Source != "./mod" || rng(c.SourceRange) != "main.tf:8,16-8,23" || rng(c.DeclRange) != "main.tf:7,1-7,11" || rng(c.Range) != "main.tf:7,1-14,2" {
		t.Errorf("module call: Source=%q SourceRange=%s DeclRange=%s Range=%s", c.Source, rng(c.SourceRange), rng(c.DeclRange), rng(c.Range))
	}
	if c.ForEach == nil || c.Count != nil {
		t.Errorf("module call: ForEach=%v Count=%v", c.ForEach, c.Count)
	}
	if diff := cmp.Diff([]string{"name"}, sortedKeys(c.Inputs)); diff != "" {
		t.Errorf("module inputs (-want +got):\n%s", diff)
	}

	v := m.Variables["v"]
	if v.Type == nil || v.Default == nil || v.Nullable == nil || rng(v.DeclRange) != "main.tf:1,1-1,13" {
		t.Errorf("variable: %+v", v)
	}
	if m.Outputs["o"].Expr == nil || m.Outputs["empty"].Expr != nil {
		t.Errorf("outputs: o.Expr=%v empty.Expr=%v", m.Outputs["o"].Expr, m.Outputs["empty"].Expr)
	}
}

func TestDecodeJSONRanges(t *testing.T) {
	t.Parallel()
	src := `{
  "resource": {
    "aws_sqs_queue": {
      "q": {
        "name": "q"
      }
    }
  }
}
`
	m := parser.NewLoader(mapFS(map[string]string{"main.tf.json": src}), parser.Options{}).Module(".")
	r := m.Resources["aws_sqs_queue.q"]
	if r == nil {
		t.Fatalf("no resource; diags: %s", m.Diags.Error())
	}
	if got := fmt.Sprintf("%d,%d", r.DeclRange.Start.Line, r.DeclRange.Start.Column); got != "4,7" {
		t.Errorf("DeclRange starts at %s, want 4,7", got)
	}
	if got := fmt.Sprintf("%d,%d-%d", r.Range.Start.Line, r.Range.Start.Column, r.Range.End.Line); got != "4,7-6" {
		t.Errorf("Range = %s, want 4,7-6", got)
	}
}

func TestModuleDiagnostics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []diag
	}{
		{
			name: "duplicates",
			src: `variable "v" {}
variable "v" {}
locals { a = 1 }
locals { a = 2 }
output "o" { value = 1 }
output "o" { value = 2 }
module "m" { source = "./m" }
module "m" { source = "./m" }
resource "aws_sqs_queue" "q" {}
resource "aws_sqs_queue" "q" {}
data "aws_region" "r" {}
data "aws_region" "r" {}
`,
			want: []diag{
				{hcl.DiagError, `Duplicate variable "v"`, "main.tf:2,1"},
				{hcl.DiagError, `Duplicate local value "a"`, "main.tf:4,10"},
				{hcl.DiagError, `Duplicate output "o"`, "main.tf:6,1"},
				{hcl.DiagError, `Duplicate module call "m"`, "main.tf:8,1"},
				{hcl.DiagError, `Duplicate resource "aws_sqs_queue.q"`, "main.tf:10,1"},
				{hcl.DiagError, `Duplicate data "data.aws_region.r"`, "main.tf:12,1"},
			},
		},
		{
			name: "count and for_each",
			src: `resource "aws_sqs_queue" "q" {
  count    = 1
  for_each = {}
}
`,
			want: []diag{{hcl.DiagError, `Invalid combination of "count" and "for_each"`, "main.tf:3,14"}},
		},
		{
			name: "module source not literal",
			src: `variable "s" {}
module "m" {
  source = var.s
}
`,
			want: []diag{{hcl.DiagError, "Invalid module source", "main.tf:3,12"}},
		},
		{
			name: "module without source",
			src: `module "m" {
  name = "x"
}
`,
			want: []diag{{hcl.DiagError, "Missing module source", "main.tf:1,1"}},
		},
		{
			name: "blocks spillway does not model",
			src: `terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" {
    bucket = "state"
  }
}
provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/x"
  }
}
provider "aws" {
  alias  = "us"
  region = "us-east-1"
}
check "health" {
  data "http" "site" {
    url = "https://example.com"
  }
  assert {
    condition     = data.http.site.status_code == 200
    error_message = "down"
  }
}
import {
  to = aws_sqs_queue.q
  id = "https://sqs.eu-west-1.amazonaws.com/123456789012/q"
}
moved {
  from = aws_sqs_queue.old
  to   = aws_sqs_queue.q
}
removed {
  from = aws_sqs_queue.gone
  lifecycle {
    destroy = false
  }
}
ephemeral "random_password" "p" {
  length = 16
}
data "aws_iam_policy_document" "d" {
  statement {
    actions = ["sqs:SendMessage"]
  }
}
resource "aws_sqs_queue" "q" {
  provider = aws.us
  lifecycle {
    ignore_changes = [tags]
  }
}
`,
			want: []diag{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := parser.NewLoader(mapFS(map[string]string{"main.tf": tt.src}), parser.Options{}).Module(".")
			if diff := cmp.Diff(tt.want, diagsOf(m.Diags)); diff != "" {
				t.Errorf("Diags (-want +got):\n%s", diff)
			}
			if m.Broken {
				t.Error("Broken = true, want false")
			}
		})
	}
}

func TestSortedCalls(t *testing.T) {
	t.Parallel()
	m := parser.NewLoader(mapFS(map[string]string{"main.tf": `
module "zeta" { source = "./z" }
module "alpha" { source = "./a" }
module "mid" { source = "./m" }
`}), parser.Options{}).Module(".")
	var got []string
	for _, c := range m.SortedCalls() {
		got = append(got, c.Name)
	}
	if diff := cmp.Diff([]string{"alpha", "mid", "zeta"}, got); diff != "" {
		t.Errorf("SortedCalls (-want +got):\n%s", diff)
	}
}

func TestModuleCached(t *testing.T) {
	t.Parallel()
	l := fixture(t, "discover")
	if a, b := l.Module("app"), l.Module("./app/"); a != b {
		t.Error("Module(app) and Module(./app/) are different modules")
	}
}
