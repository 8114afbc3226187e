reserved = 15
