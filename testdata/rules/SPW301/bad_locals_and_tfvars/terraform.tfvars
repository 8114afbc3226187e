direct_to_lambda = true
