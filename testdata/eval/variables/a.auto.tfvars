auto       = "a.auto.tfvars"
auto_order = "a.auto.tfvars"
