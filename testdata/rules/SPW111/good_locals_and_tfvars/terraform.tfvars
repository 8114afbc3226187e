fifo = false
