workers = {
  fulfilment = { timeout = 60, reserved = 20 }
  emails     = { reserved = 5 }
}
