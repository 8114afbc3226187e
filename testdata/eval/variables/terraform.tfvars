tfvars          = "tfvars"
tfvars_json     = "tfvars"
obj             = { name = "n" }
nested_optional = [{ port = 80 }, { port = 53, protocol = "udp" }]
set_conv        = ["b", "a", "a"]
not_nullable    = null
bad_type        = "not a number"
