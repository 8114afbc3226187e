rate_limit = null
