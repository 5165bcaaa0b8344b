print("kehu")
