# Every kind of error at once; config_test.go asserts each position.
exclude = ["ok/**", "bad/[", ""]
excludes = ["typo"]

settings {
  account_concurrency_limit = 0
  visibility_multiplier     = -2
  max_concurrency           = 10
}

settings {}

rule "SPW201" {
  severity = "critical"
}

rule "SPW201" {
  enabled = false
}

rule "SPW999" {
  enabled = "no"
}

rule "spw404" {
  disabled = true
}
