"""infohub-tui: a keyboard-first terminal reader for TikTok's 2020 information hub."""

__version__ = "0.1.0"
