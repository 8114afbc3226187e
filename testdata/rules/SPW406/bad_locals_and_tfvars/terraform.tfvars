timeout = 12
