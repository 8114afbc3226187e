name = "tfvars files alone do not make a module"
