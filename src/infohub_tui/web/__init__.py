"""Serving the app to browsers (`infohub-tui serve`)."""
