enable_dlq  = true
max_receive = 8
