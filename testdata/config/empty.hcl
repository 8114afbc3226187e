# A configuration file may hold nothing at all.
