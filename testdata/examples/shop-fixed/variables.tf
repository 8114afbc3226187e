variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "project" {
  type    = string
  default = "shop"
}

variable "workers" {
  description = "Queue workers to create, by name. Every worker reserves concurrency."
  type = map(object({
    timeout  = optional(number, 30)
    reserved = number
  }))
  default = {}
}
