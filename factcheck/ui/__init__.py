"""The review window (PySide6). Only this package imports Qt.

Widgets here never write to the project: every edit is a QUndoCommand
(:mod:`factcheck.ui.session.commands`) over the operations layer, and views refresh from the
returned :class:`~factcheck.store.ops.Change` through one slot of the main window.
"""
