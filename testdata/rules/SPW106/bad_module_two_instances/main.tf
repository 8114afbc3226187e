module "safe" {
  source      = "./modules/reader"
  name        = "safe"
  failure_arn = "arn:aws:sqs:eu-west-1:123456789012:safe-failures"
}

module "unsafe" {
  source = "./modules/reader"
  name   = "unsafe"
}
