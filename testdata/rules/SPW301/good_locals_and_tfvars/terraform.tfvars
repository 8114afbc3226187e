direct_to_lambda = false
