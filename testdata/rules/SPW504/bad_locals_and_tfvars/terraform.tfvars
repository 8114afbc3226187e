env            = "prod"
alarmed_queues = ["prod-jobs", "dev-jobs-dlq"]
