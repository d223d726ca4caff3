"""The command line's commands, one module each; the library does the work."""
