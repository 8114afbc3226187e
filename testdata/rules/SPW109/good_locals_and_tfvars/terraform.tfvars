with_dlq = true
