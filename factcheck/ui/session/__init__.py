"""The open project: the session (the window's one way to write) and its undo commands."""
