print("stx-run")
