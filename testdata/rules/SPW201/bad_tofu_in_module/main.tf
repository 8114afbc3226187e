# The root directory has no .tofu files; the module's directory does, so
# only the module is loaded with OpenTofu's rules.
module "fn" {
  source = "./modules/fn"
}
