# A Step Functions task invokes the function synchronously but from inside
# the account: not a public trigger, so the finding keeps its default
# severity and says nothing of public flooding.
resource "aws_lambda_function" "task" { # want "SPW201: ^aws_lambda_function\\.task has no reserved_concurrent_executions and is internal \\(Step Functions task aws_sfn_state_machine\\.flow\\)"
  function_name = "task"
}

resource "aws_sfn_state_machine" "flow" {
  name     = "flow"
  role_arn = "arn:aws:iam::123456789012:role/sfn"
  definition = jsonencode({
    StartAt = "Run"
    States = {
      Run = {
        Type     = "Task"
        Resource = "arn:aws:states:::lambda:invoke"
        Parameters = {
          FunctionName = aws_lambda_function.task.arn
        }
        End = true
      }
    }
  })
}
