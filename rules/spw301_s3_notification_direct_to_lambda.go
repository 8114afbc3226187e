package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW301 reports S3 bucket notifications that invoke a function directly.
var SPW301 = &lint.Rule{
	ID:       "SPW301",
	Name:     "s3-notification-direct-to-lambda",
	Severity: lint.Medium,
	Family:   "wiring",
	Summary:  "An S3 bucket notification invokes a function directly instead of through SQS or EventBridge.",
	Doc: `## What it detects

An ` + "`aws_s3_bucket_notification`" + ` with a ` + "`lambda_function`" + ` block: every object
event invokes the function asynchronously, with nothing in between.

## Why it matters

An upload burst (a sync job, a misbehaving client, an attacker with write
access to a public upload path) turns into one invocation per object at once.
The function's concurrency fills up, invocations are throttled and retried by
Lambda's internal queue for up to 6 hours, and failed events are lost unless a
failure destination exists. An SQS queue in between absorbs the burst, lets
the event source mapping bound concurrency, retries per message and keeps
failures in a dead-letter queue you can redrive.

## Example

Failing:

` + "```hcl" + `
resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.ingest.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
` + "```" + `

Fixed:

` + "```hcl" + `
resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  queue {
    queue_arn = aws_sqs_queue.uploads.arn
    events    = ["s3:ObjectCreated:*"]
  }
}

resource "aws_lambda_event_source_mapping" "uploads" {
  event_source_arn = aws_sqs_queue.uploads.arn
  function_name    = aws_lambda_function.ingest.arn
  scaling_config {
    maximum_concurrency = 10
  }
}
` + "```" + `

## Suppressing

` + "```hcl" + `
# spillway:ignore SPW301 reason="a handful of objects per day, written by our own job"
resource "aws_s3_bucket_notification" "uploads" {
` + "```" + `

## References

- [Using AWS Lambda with Amazon S3](https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html)
- [Amazon S3 event notifications](https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html)
- [Using Lambda with Amazon SQS](https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html)
`,
	Check: checkSPW301,
}

func checkSPW301(p *lint.Pass) error {
	for _, n := range p.Graph.Notifications {
		if len(n.Lambda) == 0 {
			continue
		}
		known := 0
		var unknownBlock string
		var related []lint.Related
		target := ""
		for _, b := range n.Lambda {
			if b.Unknown() {
				if unknownBlock == "" {
					unknownBlock = dynamicUnknown(b, "lambda_function", "lambda_function_arn")
				}
				continue
			}
			known++
			if fn, _ := p.Graph.ResolveFunction(b.Attr("lambda_function_arn")); fn != nil {
				related = append(related, rel(fn.Resource, "function invoked"))
				if target == "" {
					target = fn.Addr
				}
			}
		}
		if known == 0 {
			p.Undetermined(n.Resource, unknownBlock)
			continue
		}
		if target == "" {
			target = "a Lambda function"
		}
		p.Report(n.Resource, fmt.Sprintf(
			"%s sends S3 events straight to %s, so an upload burst becomes one invocation per object with no buffer: put an SQS queue (or EventBridge) between the bucket and the function",
			n.Addr, target), related...)
	}
	return nil
}
