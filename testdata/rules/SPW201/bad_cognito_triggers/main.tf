resource "aws_lambda_function" "pre_sign_up" { # want "SPW201: ^aws_lambda_function\\.pre_sign_up has no reserved_concurrent_executions and is reachable from the Cognito pre_sign_up trigger aws_cognito_user_pool\\.pool"
  function_name = "pre-sign-up"
}

resource "aws_lambda_function" "pre_authentication" { # want "SPW201: ^aws_lambda_function\\.pre_authentication has no reserved_concurrent_executions and is reachable from the Cognito pre_authentication trigger aws_cognito_user_pool\\.pool"
  function_name = "pre-authentication"
}

resource "aws_lambda_function" "custom_message" { # want "SPW201: ^aws_lambda_function\\.custom_message has no reserved_concurrent_executions and is reachable from the Cognito custom_message trigger aws_cognito_user_pool\\.pool"
  function_name = "custom-message"
}

resource "aws_lambda_function" "define" { # want "SPW201: ^aws_lambda_function\\.define has no reserved_concurrent_executions and is reachable from the Cognito define_auth_challenge trigger aws_cognito_user_pool\\.pool"
  function_name = "define"
}

resource "aws_lambda_function" "create" { # want "SPW201: ^aws_lambda_function\\.create has no reserved_concurrent_executions and is reachable from the Cognito create_auth_challenge trigger aws_cognito_user_pool\\.pool"
  function_name = "create"
}

resource "aws_lambda_function" "verify" { # want "SPW201: ^aws_lambda_function\\.verify has no reserved_concurrent_executions and is reachable from the Cognito verify_auth_challenge_response trigger aws_cognito_user_pool\\.pool"
  function_name = "verify"
}

# post_confirmation is not one of the public triggers of the spec: medium.
resource "aws_lambda_function" "post_confirmation" { # want "SPW201: ^aws_lambda_function\\.post_confirmation has no reserved_concurrent_executions and has no trigger in the configuration"
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
