"""The Qt layer: windows, widgets, item models and undo commands over the store."""
