env             = "prod"
export_reserved = -1
