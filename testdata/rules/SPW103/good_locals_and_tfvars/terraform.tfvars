dlq_retention_days = 14
