variable "declared" {
  default = "x"
}

locals {
  fine = var.declared
  bad  = local.nowhere
}

resource "aws_sqs_queue" "q" {
  name          = var.nope
  delay_seconds = local.missing
  policy        = module.ghost.policy
  tags          = { a = var.declared, b = local.fine }

  dynamic "setting" {
    for_each = var.settings
    content {
      value = setting.value
    }
  }
}

module "child" {
  source = "./child"
  input  = var.child_input
}

output "o" {
  value = var.also_nope
}
