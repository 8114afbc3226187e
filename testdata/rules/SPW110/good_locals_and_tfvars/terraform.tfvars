batch_size = 1
partial    = true
