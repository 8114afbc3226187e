retries = -1
