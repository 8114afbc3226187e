# A second root module calling the same module.
module "reports" {
  source = "../modules/fn"
  name   = "reports"
}
