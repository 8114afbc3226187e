window = 1
