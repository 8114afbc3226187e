prefix            = "prod"
watched_functions = ["prod-api"]
