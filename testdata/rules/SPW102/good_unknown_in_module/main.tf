# The module's input has no value; the consumed queue's policy depends on
# it. One instance of the module is known to be fine.
variable "dlq_arn" {
  type = string
}

module "known" {
  source  = "./modules/consumer"
  name    = "known"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:known-dlq"
}

module "unknown" {
  source  = "./modules/consumer"
  name    = "unknown"
  dlq_arn = var.dlq_arn
}
