module "api" {
  source = "./modules/fn"
  name   = "api"
}

module "worker" {
  source = "./modules/fn"
  name   = "worker"
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each            = { api = module.api.function_name, worker = module.worker.function_name }
  alarm_name          = "${each.key}-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
}
