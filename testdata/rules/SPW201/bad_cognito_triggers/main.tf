resource "aws_lambda_function" "pre_sign_up" { # want "SPW201: ^aws_lambda_function.pre_sign_up has no reserved_concurrent_executions and is invoked synchronously by aws_cognito_user_pool.pool \\(Cognito pre_sign_up trigger\\)"
  function_name = "pre-sign-up"
}

resource "aws_lambda_function" "pre_authentication" { # want "SPW201: invoked synchronously by aws_cognito_user_pool.pool \\(Cognito pre_authentication trigger\\)"
  function_name = "pre-authentication"
}

resource "aws_lambda_function" "custom_message" { # want "SPW201: invoked synchronously by aws_cognito_user_pool.pool \\(Cognito custom_message trigger\\)"
  function_name = "custom-message"
}

resource "aws_lambda_function" "define" { # want "SPW201: invoked synchronously by aws_cognito_user_pool.pool \\(Cognito define_auth_challenge trigger\\)"
  function_name = "define"
}

resource "aws_lambda_function" "create" { # want "SPW201: invoked synchronously by aws_cognito_user_pool.pool \\(Cognito create_auth_challenge trigger\\)"
  function_name = "create"
}

resource "aws_lambda_function" "verify" { # want "SPW201: invoked synchronously by aws_cognito_user_pool.pool \\(Cognito verify_auth_challenge_response trigger\\)"
  function_name = "verify"
}

# post_confirmation is not one of the public triggers of the spec: medium.
resource "aws_lambda_function" "post_confirmation" { # want "SPW201: ^aws_lambda_function.post_confirmation has no reserved_concurrent_executions, so a burst"
  function_name = "post-confirmation"
}

resource "aws_cognito_user_pool" "pool" {
  name = "users"
  lambda_config {
    pre_sign_up                    = aws_lambda_function.pre_sign_up.arn
    pre_authentication             = aws_lambda_function.pre_authentication.arn
    custom_message                 = aws_lambda_function.custom_message.arn
    define_auth_challenge          = aws_lambda_function.define.arn
    create_auth_challenge          = aws_lambda_function.create.arn
    verify_auth_challenge_response = aws_lambda_function.verify.arn
    post_confirmation              = aws_lambda_function.post_confirmation.arn
  }
}
