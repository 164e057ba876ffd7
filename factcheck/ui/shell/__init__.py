"""The window's shell: start-up, the main window, its menus and commands,
window settings, crash handling."""
