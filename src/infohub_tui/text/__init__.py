"""Strings on their way to the terminal: sanitising, folding for search, plain text, search marks."""
