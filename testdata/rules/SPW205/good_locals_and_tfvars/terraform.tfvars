max_concurrency = 10
