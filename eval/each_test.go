package eval_test

import (
	"testing"

	"github.com/spillway-iac/spillway/eval"
)

// TestEachValueUnknownIsNamedByItsElement: an unknown read through
// each.value is named by what is behind it (the resource attribute, or the
// element of the collection the for_each iterates over), never as
// "each.value".
func TestEachValueUnknownIsNamedByItsElement(t *testing.T) {
	r := srcRoot(t, `
resource "aws_sqs_queue" "q" {
  name = "q"
}

locals {
  queues = {
    orders = { arn = aws_sqs_queue.q.arn, batch = 10, id = uuid() }
  }
  later = { for k, v in local.queues : k => { arn = "${v.arn}-x" } }
}

resource "aws_lambda_event_source_mapping" "direct" {
  for_each         = local.queues
  event_source_arn = each.value.arn
}

resource "aws_lambda_event_source_mapping" "filtered" {
  for_each         = { for k, v in local.later : k => v if k != "" }
  event_source_arn = lookup(each.value, "arn", null)
}

resource "aws_lambda_event_source_mapping" "merged" {
  for_each         = merge(local.later, {})
  event_source_arn = each.value["arn"]
}
`)
	for addr, want := range map[string]string{
		`aws_lambda_event_source_mapping.direct["orders"]`:   "aws_sqs_queue.q.arn",
		`aws_lambda_event_source_mapping.filtered["orders"]`: "aws_sqs_queue.q.arn",
		`aws_lambda_event_source_mapping.merged["orders"]`:   "aws_sqs_queue.q.arn",
	} {
		inst := lookup(t, r, "aws_lambda_event_source_mapping", addr)
		v := inst.Attr("event_source_arn")
		if v.Val.IsKnown() {
			t.Errorf("%s: event_source_arn is known: %#v", addr, v.Val)
			continue
		}
		if got := eval.Describe(v); got != want {
			t.Errorf("%s: Describe = %q, want %q", addr, got, want)
		}
	}
}
