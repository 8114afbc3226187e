send_failures = true
