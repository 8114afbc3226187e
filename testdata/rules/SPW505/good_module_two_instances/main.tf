# One instance creates a budget for the account.
module "budgeted" {
  source = "./modules/svc"
  name   = "budgeted"
  budget = 500
}

module "plain" {
  source = "./modules/svc"
  name   = "plain"
}
