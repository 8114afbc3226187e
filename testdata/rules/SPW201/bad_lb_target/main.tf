resource "aws_lb_target_group" "fn" {
  name        = "fn"
  target_type = "lambda"
}

resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f has no reserved_concurrent_executions and its exposure is undetermined \\(the load balancer of aws_lb_target_group\\.fn\\)"
  function_name = "f"
}

resource "aws_lb_target_group_attachment" "a" {
  target_group_arn = aws_lb_target_group.fn.arn
  target_id        = aws_lambda_function.f.arn
}

# An attachment to a target group that is not of type lambda is not a
# trigger of the function: medium.
resource "aws_lb_target_group" "ip" {
  name        = "ip"
  target_type = "ip"
  port        = 443
  protocol    = "HTTPS"
}

resource "aws_lambda_function" "g" { # want "SPW201: ^aws_lambda_function\\.g has no reserved_concurrent_executions and has no trigger in the configuration"
  function_name = "g"
}

resource "aws_lb_target_group_attachment" "b" {
  target_group_arn = aws_lb_target_group.ip.arn
  target_id        = aws_lambda_function.g.arn
}
