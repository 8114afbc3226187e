module "inner" {
  source = "./modules/inner"
}
