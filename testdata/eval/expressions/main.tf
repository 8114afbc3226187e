variable "envs" {
  default = ["dev", "prod"]
}

variable "on" {
  default = true
}

variable "unknown" {}

locals {
  # Locals may refer to locals declared later.
  c = local.b * 2
  b = local.a + 1
  a = 1

  cond         = var.on ? "yes" : "no"
  cond_unknown = var.unknown ? "yes" : "no"
  upper_envs   = [for e in var.envs : upper(e)]
  env_lengths  = { for e in var.envs : e => length(e) }
  filtered     = [for e in var.envs : e if e != "dev"]
  objs         = [{ n = "a" }, { n = "b" }]
  splat        = local.objs[*].n
  greeting     = "hello ${var.envs[0]}!"
  heredoc      = <<-EOT
    env=${var.envs[1]}
    EOT
  directive    = "%{for e in var.envs}${e};%{endfor}"
  tried        = try(local.objs[5].n, "fallback")
  tried_ok     = try(local.objs[1].n, "fallback")
  can_ok       = can(local.objs[0].n)
  can_bad      = can(local.objs[9].n)
  path_module  = path.module
  path_root    = path.root
  workspace    = terraform.workspace
  child_path   = module.child.path
  index        = local.objs[1]["n"]
  arith        = (local.c + 4) / 2 % 4
  compare      = local.a < local.b && !false
}

module "child" {
  source = "./modules/child"
}
