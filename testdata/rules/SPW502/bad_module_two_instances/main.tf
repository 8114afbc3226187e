module "watched" {
  source = "./modules/fn"
  name   = "watched"
  alarm  = true
}

module "unwatched" {
  source = "./modules/fn"
  name   = "unwatched"
  alarm  = false
}
