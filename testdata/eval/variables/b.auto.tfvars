auto = "b.auto.tfvars"
