max_receive = 2
