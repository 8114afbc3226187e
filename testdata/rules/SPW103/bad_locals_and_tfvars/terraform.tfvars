dlq_retention_days = 2
