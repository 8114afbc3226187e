output "orders_url" {
  value = aws_api_gateway_stage.prod.invoke_url
}

output "queues" {
  value = { for k, w in module.workers : k => w.queue_url }
}
