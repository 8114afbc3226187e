# *.auto.tfvars comes after terraform.tfvars.
burst = 200
