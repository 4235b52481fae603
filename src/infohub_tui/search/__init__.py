"""Searching the hub: the index and the search session. No Textual."""
