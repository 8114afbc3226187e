package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW101 reports functions invoked asynchronously that have no failure
// destination.
var SPW101 = &lint.Rule{
	ID:       "SPW101",
	Name:     "lambda-async-without-failure-destination",
	Severity: lint.High,
	Family:   "async",
	Summary:  "A function invoked asynchronously has no dead-letter queue or on-failure destination.",
	Doc: `## What it detects

A Lambda function with at least one asynchronous trigger (an S3 bucket
notification, an SNS subscription, an EventBridge target, a CloudWatch Logs
subscription filter, or an ` + "`aws_lambda_permission`" + ` for ` + "`s3`" + `, ` + "`sns`" + `,
` + "`events`" + `, ` + "`logs`" + `, ` + "`iot`" + `, ` + "`ses`" + `, ` + "`config`" + ` or ` + "`cloudwatch`" + `) and no failure
destination: neither ` + "`dead_letter_config.target_arn`" + ` nor an
` + "`aws_lambda_function_event_invoke_config`" + ` with
` + "`destination_config.on_failure.destination`" + `.

A function with only synchronous or poll-based triggers never gets this
finding: a dead-letter queue does nothing there.

## Why it matters

Lambda queues asynchronous events and retries a failing one twice; an event
that still fails, or that waits in the queue longer than the maximum event age
(6 hours), is discarded. During a flood the queue backs up, events age out,
and without a failure destination they disappear without a trace: a
throttled or broken function silently loses data.

## Example

Failing:

` + "```hcl" + `
resource "aws_lambda_function" "thumbnail" {
  function_name = "thumbnail"
  # no dead_letter_config, no event invoke config
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.thumbnail.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
` + "```" + `

Fixed:

` + "```hcl" + `
resource "aws_lambda_function_event_invoke_config" "thumbnail" {
  function_name = aws_lambda_function.thumbnail.function_name
  destination_config {
    on_failure {
      destination = aws_sqs_queue.thumbnail_failures.arn
    }
  }
}
` + "```" + `

or ` + "`dead_letter_config { target_arn = aws_sqs_queue.thumbnail_dlq.arn }`" + ` on the
function.

## Suppressing

` + "```hcl" + `
# spillway:ignore SPW101 reason="events are replayed from the source bucket nightly"
resource "aws_lambda_function" "thumbnail" {
` + "```" + `

## References

- [Asynchronous invocation](https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html)
- [Retaining records of asynchronous invocations](https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html)
`,
	Check: checkSPW101,
}

func checkSPW101(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		async, maybe := certainTriggers(f, graph.Async)
		if len(async) == 0 && maybe == "" {
			continue
		}
		set, unknown := p.Graph.FailureDestination(f)
		if set {
			continue
		}
		if unknown == "" && len(async) == 0 {
			// Only triggers that may not exist (unknown count or
			// for_each).
			unknown = maybe
		}
		if unknown != "" {
			p.Undetermined(f.Resource, unknown)
			continue
		}
		related := make([]lint.Related, 0, len(async))
		for _, t := range async {
			related = append(related, rel(t.Source, "asynchronous trigger"))
		}
		p.Report(f.Resource, fmt.Sprintf(
			"%s is invoked asynchronously by %s but has no failure destination; events that fail Lambda's 2 retries or wait longer than 6 hours are dropped: add dead_letter_config or an aws_lambda_function_event_invoke_config with destination_config.on_failure",
			f.Addr, describeTriggers(async)), related...)
	}
	return nil
}

// certainTriggers returns the function's triggers of a kind that exist
// whenever the function does, and the unknown expression behind the first
// one that may not exist (a trigger with an unknown count or for_each).
func certainTriggers(f *graph.Function, k graph.TriggerKind) (certain []*graph.Trigger, maybe string) {
	for _, t := range f.TriggersOf(k) {
		if t.Source.Uncertain && !f.Uncertain {
			if maybe == "" {
				maybe = t.Source.UncertainExpr
			}
			continue
		}
		certain = append(certain, t)
	}
	return certain, maybe
}
