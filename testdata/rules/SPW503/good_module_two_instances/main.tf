# One instance has a concurrency alarm: the root module is watched.
module "watched" {
  source            = "./modules/fn"
  name              = "watched"
  concurrency_alarm = true
}

module "unwatched" {
  source            = "./modules/fn"
  name              = "unwatched"
  concurrency_alarm = false
}
