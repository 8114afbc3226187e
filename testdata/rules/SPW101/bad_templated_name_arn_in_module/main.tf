# The subscriber module builds its function's ARN from data sources and
# the name it is given, a template over an unknown (random_pet): the
# partition, region and account are unknown, but the name part is the
# very template the function is named with, so the subscription invokes
# module.a's function (and not module.b's, whose name differs).
resource "random_pet" "p" {}

module "a" {
  source        = "./modules/fn"
  function_name = "${random_pet.p.id}-a"
}

module "b" {
  source        = "./modules/fn"
  function_name = "${random_pet.p.id}-b"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/app"
}

resource "aws_cloudwatch_log_subscription_filter" "logs" {
  name            = "ship"
  log_group_name  = aws_cloudwatch_log_group.app.name
  filter_pattern  = ""
  destination_arn = module.a.arn
}
