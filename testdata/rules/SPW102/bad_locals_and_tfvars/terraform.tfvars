env        = "prod"
enable_dlq = false
