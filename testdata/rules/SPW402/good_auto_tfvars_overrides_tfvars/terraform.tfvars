burst = null
