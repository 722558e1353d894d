process.env.LOG_LEVEL ??= "warn"; // before lib/logger is first imported
