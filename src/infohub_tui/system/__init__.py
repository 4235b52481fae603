"""The user's machine: files read safely, the clipboard, the browser, the terminal's abilities."""
