variable "plain" {
  default = "default"
}

variable "env_only" {
  default = "default"
}

variable "tfvars" {
  default = "default"
}

variable "tfvars_json" {}

variable "auto" {}

variable "auto_order" {}

variable "cli" {}

variable "cli_order" {}

variable "cli_file_last" {}

variable "num" {
  type = number
}

variable "list" {
  type = list(string)
}

variable "untyped_raw" {}

variable "any_raw" {
  type = any
}

variable "string_raw" {
  type = string
}

variable "obj" {
  type = object({
    name = string
    size = optional(number, 5)
    tags = optional(map(string), {})
  })
}

variable "obj_default" {
  type = object({
    name    = string
    retries = optional(number, 3)
  })
  default = {
    name = "from-default"
  }
}

variable "nested_optional" {
  type = list(object({
    port     = number
    protocol = optional(string, "tcp")
  }))
}

variable "set_conv" {
  type = set(string)
}

variable "from_json" {
  type = map(number)
}

variable "not_nullable" {
  type     = string
  nullable = false
  default  = "fallback"
}

variable "unset" {}

variable "unset_typed" {
  type = number
}

variable "bad_type" {
  type = number
}
