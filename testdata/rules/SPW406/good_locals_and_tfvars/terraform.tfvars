timeout = 10
