# A null value is the same as leaving the key out.
exclude = null

settings {
  account_concurrency_limit = null
  visibility_multiplier     = null
}

rule "SPW201" {
  enabled  = null
  severity = null
}
