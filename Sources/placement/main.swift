print("placement")
