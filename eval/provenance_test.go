package eval_test

import (
	"testing"

	"github.com/spillway-iac/spillway/eval"
)

// TestProvenanceThroughTryAndLookup: try() and lookup() keep the Ref marks
// of the values they return, so references written the way public modules
// write them (try(aws_x.y[0].arn, "")) still resolve.
func TestProvenanceThroughTryAndLookup(t *testing.T) {
	r := srcRoot(t, `
resource "aws_lambda_function" "f" {
  function_name = "f"
}

locals {
  targets = { cron = { arn = aws_lambda_function.f.arn } }
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "r"
  a    = try(aws_lambda_function.f.arn, null)
  b    = lookup(local.targets["cron"], "arn", null)
  c    = try(local.targets.missing.arn, aws_lambda_function.f.invoke_arn)
  d    = try(local.targets.missing, "fallback")
}
`)
	inst := lookup(t, r, "aws_cloudwatch_event_target", "aws_cloudwatch_event_target.t")
	for attr, want := range map[string]eval.Ref{
		"a": {Addr: "aws_lambda_function.f", Attr: "arn"},
		"b": {Addr: "aws_lambda_function.f", Attr: "arn"},
		"c": {Addr: "aws_lambda_function.f", Attr: "invoke_arn"},
	} {
		refs := eval.Refs(inst.Attr(attr).Val)
		if len(refs) != 1 || refs[0] != want {
			t.Errorf("%s: refs %v, want [%v]", attr, refs, want)
		}
	}
	if d := inst.Attr("d").Val; !d.IsKnown() || unmarked(d).AsString() != "fallback" {
		t.Errorf("d = %#v, want the fallback", d)
	}
}
