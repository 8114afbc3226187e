// Package benchgen writes deterministic, synthetic Terraform trees of any
// size for benchmarks that the real-world corpus cannot serve, such as
// scaling to 100,000 files. A tree holds root modules under
// envs/<env>/<service>/ (5 to 13 configuration files and a
// terraform.tfvars each) calling shared modules under modules/<name>/.
// They describe serverless services: Lambda functions (resources and a
// for_each module call), SQS queues with and without redrive, Kinesis and
// SQS event source mappings, SNS subscriptions, EventBridge rules, S3
// notifications, REST and HTTP API stages, alarms and a .tf.json file,
// with the mistakes spillway reports mixed among sound settings.
//
// The files come from the text/template files in templates/: the planner
// (plan.go) decides what several files share, and the templates make their
// other choices through the root's Chance, Pick and Some methods. The same
// Options always give byte-identical trees.
//
// Generate writes a tree to a directory; Files returns it in memory. The
// command cmd/spillway-benchgen wraps Generate.
package benchgen
