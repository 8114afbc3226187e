variable "names" {
  default = ["b", "a"]
}

variable "unknown" {}

resource "aws_sqs_queue" "single" {
  name = "single"
}

resource "aws_sqs_queue" "counted" {
  count = 2
  name  = "counted-${count.index}"
}

resource "aws_sqs_queue" "keyed" {
  for_each = { x = 1, y = 2 }
  name     = "${each.key}-${each.value}"
}

resource "aws_sqs_queue" "set" {
  for_each = toset(var.names)
  name     = "set-${each.key}-${each.value}"
}

resource "aws_sqs_queue" "none" {
  count = 0
  name  = "never"
}

resource "aws_sqs_queue" "empty" {
  for_each = {}
  name     = "never"
}

resource "aws_sqs_queue" "unknown_count" {
  count = var.unknown ? 1 : 0
  name  = "maybe"
}

resource "aws_sqs_queue" "unknown_for_each" {
  for_each = var.unknown
  name     = each.key
}

resource "aws_sqs_queue" "from_resource" {
  for_each = aws_sqs_queue.keyed
  name     = "copy-${each.value.name}"
}

module "per_region" {
  source   = "./mod"
  for_each = { eu = "eu-west-1", us = "us-east-1" }
  region   = each.value
  label    = each.key
}

module "counted" {
  source = "./mod"
  count  = 2
  region = "r${count.index}"
  label  = "c"
}

module "off" {
  source = "./mod"
  count  = 0
  region = "never"
  label  = "never"
}

module "maybe" {
  source   = "./mod"
  for_each = var.unknown
  region   = "maybe"
  label    = each.key
}

output "per_region_names" {
  value = { for k, m in module.per_region : k => m.name }
}
