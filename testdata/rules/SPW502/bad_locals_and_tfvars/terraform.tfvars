prefix            = "prod"
watched_functions = ["dev-api"]
