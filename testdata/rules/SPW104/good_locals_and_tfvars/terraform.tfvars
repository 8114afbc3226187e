max_receive = 6
