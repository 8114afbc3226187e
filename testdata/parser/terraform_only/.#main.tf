an editor backup that is { not configuration
