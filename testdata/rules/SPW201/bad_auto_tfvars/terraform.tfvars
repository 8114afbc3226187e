reserved = 20
