worker_reserved = 451
