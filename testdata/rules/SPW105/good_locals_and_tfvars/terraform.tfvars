max_age = 7200
