resource "aws_lambda_function" "batch" {
  function_name = "batch"
  timeout       = 900
}

# A permission for API Gateway is a trigger but carries no integration
# timeout.
resource "aws_lambda_permission" "apigw" {
  statement_id  = "apigw"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.batch.function_name
  principal     = "apigateway.amazonaws.com"
}
