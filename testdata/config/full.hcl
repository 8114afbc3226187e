# Every key set.
exclude = ["legacy/**", "examples/**", "**/*.generated/*"]

settings {
  account_concurrency_limit = 3000
  visibility_multiplier     = 4
}

rule "SPW404" {
  enabled = false
}

rule "SPW201" {
  severity = "high"
}

rule "SPW505" {
  enabled  = true
  severity = "MEDIUM"
}

rule "SPW101" {}
