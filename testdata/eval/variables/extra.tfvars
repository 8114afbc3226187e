cli_order     = "extra.tfvars"
cli_file_last = "extra.tfvars"
