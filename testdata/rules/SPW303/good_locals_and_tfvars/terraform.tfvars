window = 0
