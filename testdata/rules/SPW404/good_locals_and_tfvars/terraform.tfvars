cache = {
  cluster = true
  ttl     = 300
}
