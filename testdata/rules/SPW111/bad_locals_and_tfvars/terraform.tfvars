fifo = true
