module "safe" {
  source  = "./modules/scheduled"
  name    = "safe"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:safe-dlq"
}

module "unsafe" {
  source = "./modules/scheduled"
  name   = "unsafe"
}
