protocol = "lambda"
