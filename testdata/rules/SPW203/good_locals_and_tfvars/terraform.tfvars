worker_reserved = 450
