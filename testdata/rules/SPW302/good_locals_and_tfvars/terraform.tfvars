timeout = 60
