reserved = 24
