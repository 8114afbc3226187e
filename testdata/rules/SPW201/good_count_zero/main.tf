resource "aws_lambda_function" "f" {
  count         = 0
  function_name = "never"
}

resource "aws_lambda_function" "g" {
  for_each      = {}
  function_name = each.key
}
