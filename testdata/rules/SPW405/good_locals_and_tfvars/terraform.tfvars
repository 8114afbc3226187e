waf = {
  enabled    = true
  rate_limit = 1000
}
