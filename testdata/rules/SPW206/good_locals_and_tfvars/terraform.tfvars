reserved = 25
