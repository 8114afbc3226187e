package eval_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

func TestValidateUndeclared(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "undeclared", ".", eval.Options{})
	r.Validate()
	want := []diag{
		{hcl.DiagError, "Reference to undeclared local value", "main.tf:7,10"},
		{hcl.DiagError, "Reference to undeclared input variable", "main.tf:11,19"},
		{hcl.DiagError, "Reference to undeclared local value", "main.tf:12,19"},
		{hcl.DiagError, "Reference to undeclared module", "main.tf:13,19"},
		{hcl.DiagError, "Reference to undeclared input variable", "main.tf:17,16"},
		{hcl.DiagError, "Reference to undeclared input variable", "main.tf:26,12"},
		{hcl.DiagError, "Reference to undeclared input variable", "main.tf:30,11"},
		{hcl.DiagError, "Reference to undeclared input variable", "child/main.tf:4,26"},
	}
	checkDiags(t, r, want)

	// Evaluating the same expressions adds nothing: the undeclared
	// names are unknown.
	q := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q")
	for _, a := range []string{"name", "delay_seconds", "policy", "tags"} {
		q.Attr(a)
	}
	for _, b := range q.Blocks("setting") {
		b.Attr("value")
	}
	local(r, "bad")
	r.Module.Output("o")
	for _, i := range r.Instances("aws_sns_topic") {
		i.Attr("name")
	}
	r.Validate()
	checkDiags(t, r, want)
}

// TestUnmodeledBlocks checks that valid configuration spillway does not
// model produces no error, evaluated or not.
func TestUnmodeledBlocks(t *testing.T) {
	t.Parallel()
	src := `terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
  backend "s3" {
    bucket = "state"
    key    = "x"
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { team = "orders" }
  }
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

variable "region" {
  default = "eu-west-1"
  validation {
    condition     = length(var.region) > 0
    error_message = "Set a region."
  }
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

ephemeral "aws_secretsmanager_secret_version" "s" {
  secret_id = "x"
}

data "aws_caller_identity" "me" {}

data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.q.arn]
  }
}

data "external_thing" "t" {
  count = 2
  input = { n = count.index }
}

resource "aws_sqs_queue" "q" {
  provider   = aws.us
  name       = "q-${data.aws_caller_identity.me.account_id}"
  policy     = data.aws_iam_policy_document.p.json
  tags       = { t = data.external_thing.t[0].result }
  depends_on = [data.aws_caller_identity.me]
  lifecycle {
    ignore_changes        = [tags]
    create_before_destroy = true
    precondition {
      condition     = self.name != ""
      error_message = "empty"
    }
  }
}

resource "aws_lambda_function" "f" {
  function_name = "f"
  environment {
    variables = { SECRET = ephemeral.aws_secretsmanager_secret_version.s.secret_string }
  }
  provisioner "local-exec" {
    command = "echo ${self.function_name}"
  }
}

output "queue" {
  value      = aws_sqs_queue.q.arn
  depends_on = [aws_sqs_queue.q]
  precondition {
    condition     = true
    error_message = "never"
  }
}
`
	r := srcRoot(t, src)
	r.Validate()
	for _, typ := range []string{"aws_sqs_queue", "aws_lambda_function"} {
		for _, i := range r.Instances(typ) {
			for _, a := range []string{"name", "policy", "tags", "function_name"} {
				i.Attr(a)
			}
			for _, b := range i.Blocks("environment") {
				b.Attr("variables")
			}
		}
	}
	r.Module.Output("queue")
	r.Module.Var("region")
	if errs := errorsOf(r.Diagnostics()); len(errs) > 0 {
		t.Errorf("error diagnostics: %+v", errs)
	}
	q := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q")
	if got := q.Attr("name").Val; got.IsKnown() {
		t.Errorf("name = %#v, want unknown", got)
	}
}

// TestOverrideFiles checks that evaluation sees the merged configuration.
func TestOverrideFiles(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "override", ".", eval.Options{})
	f := lookup(t, r, "aws_lambda_function", "aws_lambda_function.f")
	checkVal(t, "timeout", f.Attr("timeout").Val, cty.NumberIntVal(45))
	checkVal(t, "memory_size", f.Attr("memory_size").Val, cty.NumberIntVal(1024))
	checkVal(t, "function_name", f.Attr("function_name").Val, cty.StringVal("overridden"))
	checkVal(t, "description", f.Attr("description").Val, cty.StringVal("no variable needed"))
	if diff := cmp.Diff([]string{`line 13 variables=cty.ObjectVal(map[string]cty.Value{"B":cty.StringVal("2")})`}, blockDesc(f.Blocks("environment"), "variables")); diff != "" {
		t.Errorf("environment (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`line 17 subnet_ids=cty.TupleVal([]cty.Value{cty.StringVal("override")})`}, blockDesc(f.Blocks("vpc_config"), "subnet_ids")); diff != "" {
		t.Errorf("vpc_config (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"aws_sqs_queue.q[0]"}, addrs(r.Instances("aws_sqs_queue"))); diff != "" {
		t.Errorf("queues (-want +got):\n%s", diff)
	}
	topic := lookup(t, r, "aws_sns_topic", "module.m.aws_sns_topic.t")
	checkVal(t, "topic name", topic.Attr("name").Val, cty.StringVal("json"))
	r.Validate()
	checkDiags(t, r, nil)
}
