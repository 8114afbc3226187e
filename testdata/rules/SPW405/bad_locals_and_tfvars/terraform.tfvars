waf = {
  enabled    = true
  rate_limit = null
}
