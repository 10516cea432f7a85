"""One module per command: plain functions that take frozen options and return an exit code."""
