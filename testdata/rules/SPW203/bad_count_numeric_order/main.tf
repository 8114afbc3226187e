# 12 instances of 80: f[0] .. f[10] reserve 880, f[11] brings the sum to
# 960. Instance keys sort numerically (f[2] before f[10]).
resource "aws_lambda_function" "f" { # want "SPW203: ^aws_lambda_function.f\\[11\\] reserves 80 concurrent executions, which brings the reservations of 12 functions in this root module to 960"
  count                          = 12
  function_name                  = "f-${count.index}"
  reserved_concurrent_executions = 80
}
