"""The command line: argument parsing, the subcommands and starting the app."""
