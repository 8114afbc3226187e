# As bad_templated_name_arn_in_module, but the subscribed function has a
# failure destination. The other subscription's ARN names
# lower(<the template>): a transformed name is not the template, so it
# stays unresolved (undetermined) instead of being matched to module.b.
resource "random_pet" "p" {}

module "a" {
  source        = "./modules/fn"
  function_name = "${random_pet.p.id}-a"
  with_dlq      = true
}

module "b" {
  source        = "./modules/fn"
  function_name = "${random_pet.p.id}-B"
  with_dlq      = false
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

resource "aws_cloudwatch_log_subscription_filter" "lowered" { # undetermined "SPW101"
  name            = "ship-lowered"
  log_group_name  = aws_cloudwatch_log_group.app.name
  filter_pattern  = ""
  destination_arn = module.b.lowered_arn
}
