batch_size = 20
