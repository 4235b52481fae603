"""The content: its model, how it is read from YAML, checked, cached and ordered. No Textual."""
