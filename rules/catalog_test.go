package rules_test

import (
	"testing"

	"github.com/spillway-iac/spillway/rules"
)

// TestCatalogMatchesSpec pins the registry to the rule catalog of
// spec/rules.md: IDs, names, default severities and default enablement.
func TestCatalogMatchesSpec(t *testing.T) {
	spec := []struct{ id, name, severity string }{
		{"SPW101", "lambda-async-without-failure-destination", "high"},
		{"SPW102", "sqs-event-source-without-dlq", "high"},
		{"SPW103", "sqs-dlq-retention-not-longer", "medium"},
		{"SPW104", "sqs-max-receive-count-too-low", "medium"},
		{"SPW105", "stream-event-source-unbounded-retries", "high"},
		{"SPW106", "stream-event-source-without-failure-destination", "medium"},
		{"SPW107", "stream-event-source-without-bisect", "low"},
		{"SPW108", "sns-lambda-subscription-without-dlq", "low"},
		{"SPW109", "eventbridge-lambda-target-without-dlq", "medium"},
		{"SPW110", "sqs-event-source-without-partial-batch-response", "low"},
		{"SPW111", "sqs-dlq-type-mismatch", "high"},
		{"SPW201", "lambda-unreserved-concurrency", "medium"},
		{"SPW202", "lambda-concurrency-zero", "low"},
		{"SPW203", "account-reserved-concurrency-overcommitted", "high"},
		{"SPW204", "sqs-event-source-unbounded-scaling", "medium"},
		{"SPW205", "sqs-event-source-concurrency-above-reserved", "medium"},
		{"SPW206", "provisioned-concurrency-above-reserved", "high"},
		{"SPW301", "s3-notification-direct-to-lambda", "medium"},
		{"SPW302", "sqs-visibility-timeout-below-function-timeout", "high"},
		{"SPW303", "sqs-visibility-timeout-below-six-times", "medium"},
		{"SPW401", "apigw-rest-stage-without-throttling", "high"},
		{"SPW402", "apigw-http-stage-without-throttling", "high"},
		{"SPW403", "apigw-usage-plan-without-limits", "medium"},
		{"SPW404", "apigw-rest-stage-without-caching", "low"},
		{"SPW405", "apigw-rest-stage-without-waf-rate-rule", "low"},
		{"SPW406", "lambda-timeout-exceeds-api-timeout", "medium"},
		{"SPW407", "lambda-function-url-public-unbounded", "high"},
		{"SPW501", "lambda-without-throttles-alarm", "low"},
		{"SPW502", "lambda-without-errors-alarm", "low"},
		{"SPW503", "no-concurrency-alarm", "low"},
		{"SPW504", "dlq-without-depth-alarm", "low"},
		{"SPW505", "no-billing-alarm", "low"},
		{"SPW506", "stream-without-iterator-age-alarm", "low"},
	}
	if len(rules.All) != len(spec) {
		t.Fatalf("%d rules registered, the spec has %d", len(rules.All), len(spec))
	}
	for i, s := range spec {
		r := rules.All[i]
		if r.ID != s.id || r.Name != s.name || r.Severity.String() != s.severity {
			t.Errorf("rule %d is %s %s %s; the spec says %s %s %s", i, r.ID, r.Name, r.Severity, s.id, s.name, s.severity)
		}
		if off := s.id == "SPW505"; r.Off != off {
			t.Errorf("%s: off by default = %v, want %v", r.ID, r.Off, off)
		}
	}
}
