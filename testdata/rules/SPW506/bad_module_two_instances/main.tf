module "watched" {
  source    = "./modules/consumer"
  name      = "watched"
  age_alarm = true
}

module "blind" {
  source    = "./modules/consumer"
  name      = "blind"
  age_alarm = false
}
