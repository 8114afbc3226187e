env             = "dev"
export_reserved = 0
