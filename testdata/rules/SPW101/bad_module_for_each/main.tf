module "worker" {
  source = "./modules/worker"
  for_each = {
    thumb = { dlq = "arn:aws:sqs:eu-west-1:123456789012:thumb-dlq" }
    index = { dlq = null }
  }
  name    = each.key
  dlq_arn = each.value.dlq
}
