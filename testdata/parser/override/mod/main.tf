variable "name" {}
variable "other" {}
