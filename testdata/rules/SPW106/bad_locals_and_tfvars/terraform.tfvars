send_failures = false
