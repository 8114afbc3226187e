// Package benchgen writes deterministic, synthetic Terraform trees for
// benchmarks. A tree has the shape of a real infrastructure repository:
// root modules under envs/<env>/<service>/ that call shared modules under
// modules/<name>/, with variables set in terraform.tfvars, locals,
// count/for_each module calls, dynamic blocks, jsonencode policies and redrive
// policies. Most resources are ordinary infrastructure (VPCs, subnets,
// security groups, IAM, buckets, KMS keys, RDS, ECS, load balancers...); about
// a sixth are the serverless resources spillway's rules look at (Lambda, API
// Gateway REST and HTTP stages, SQS, Kinesis and DynamoDB stream mappings,
// S3, SNS and EventBridge triggers).
//
// Every file is written by the generator's own templates; nothing is copied
// from public Terraform code. The same Options always give byte-identical
// trees, so benchmark runs on different machines and commits compare.
//
// Generate writes a tree to a directory; Files returns it in memory. The
// command cmd/spillway-benchgen wraps Generate.
package benchgen
