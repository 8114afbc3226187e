max_concurrency = 12
