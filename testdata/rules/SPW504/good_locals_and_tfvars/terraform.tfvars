env            = "prod"
alarmed_queues = ["prod-jobs", "prod-jobs-dlq"]
