with_dlq = false
