cache = {
  cluster = true
  ttl     = 0
}
