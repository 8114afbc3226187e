locals {
  end = true
}
