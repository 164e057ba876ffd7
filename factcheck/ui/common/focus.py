"""Keyboard use: Tab leaves a list, and the widget that has the keyboard shows it.

A reviewer working without a mouse moves between the panes with Tab and Shift+Tab.
Qt's item views move cell by cell on Tab by default (and so never let go of it); and
Fusion draws no outline round a focused list or text, so the reviewer cannot see where
the next key goes. :func:`tab_leaves` and :func:`show_focus` fix both for one widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget

FOCUS_WIDTH = 2


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab move to the next/previous widget, not to the next cell (the
    arrow keys still move within the view)."""
    view.setTabKeyNavigation(False)


def show_focus(widget: QWidget) -> None:
    """Draw the widget's frame in the highlight colour while it has the keyboard (and in
    the window colour otherwise, so nothing shifts when focus moves)."""
    kind = type(widget).__mro__[0].__name__
    for base in type(widget).__mro__:  # the Qt class the style sheet selector can name
        if base.__module__.startswith("PySide6"):
            kind = base.__name__
            break
    widget.setStyleSheet(
        f"{kind} {{ border: {FOCUS_WIDTH}px solid palette(window); }}"
        f"{kind}:focus {{ border: {FOCUS_WIDTH}px solid palette(highlight); }}"
    )
