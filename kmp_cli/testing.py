LEVELS = ("unit", "integration", "http", "browser")
