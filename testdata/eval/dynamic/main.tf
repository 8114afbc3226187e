variable "rules" {
  default = [
    { port = 80, cidrs = ["10.0.0.0/8", "172.16.0.0/12"] },
    { port = 443, cidrs = ["192.168.0.0/16"] },
  ]
}

variable "unknown" {}

resource "aws_security_group" "sg" {
  name = "sg"

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value.port
      index     = ingress.key

      dynamic "cidr" {
        for_each = ingress.value.cidrs
        iterator = c
        content {
          block = c.value
          pos   = "${ingress.key}.${c.key}"
        }
      }
    }
  }

  egress {
    from_port = 0
  }

  dynamic "maybe" {
    for_each = var.unknown
    content {
      port = maybe.value
      dynamic "inner" {
        for_each = [1, 2]
        content {
          n = inner.value
        }
      }
    }
  }

  dynamic "never" {
    for_each = []
    content {
      port = 1
    }
  }
}

resource "aws_security_group" "keyed" {
  for_each = { web = 8080 }

  dynamic "ingress" {
    for_each = { only = each.value }
    content {
      from_port = ingress.value
      label     = "${each.key}/${ingress.key}"
    }
  }
}
