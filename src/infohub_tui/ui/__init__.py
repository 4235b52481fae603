"""The Textual app: the app, its screens, widgets, bindings, keymap and palette commands."""
