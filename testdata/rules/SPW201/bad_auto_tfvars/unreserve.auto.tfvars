# *.auto.tfvars files are read after terraform.tfvars and win.
reserved = -1
