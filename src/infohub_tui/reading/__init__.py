"""Where the reader is and what they kept: the reading session and the state file. No Textual."""
