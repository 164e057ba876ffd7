"""The window's chrome built from the action table (:mod:`factcheck.ui.common.actions`):
the menus with every action and its shortcut, the review toolbar, and the toolbar fitted
to the window's width. Functions of the :class:`~factcheck.ui.shell.main_window.MainWindow`
they build for; the frame needs the menus before its first paint, the toolbar comes with
the panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from factcheck.ui.common.actions import ACTIONS, MENUS, REDO_SHORTCUTS, UNDO_SHORTCUTS, ActionSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from factcheck.ui.shell.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """The menus with every action of the action table (and Undo, Redo, Appearance)."""
    menus = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
    window.menus = menus
    window.menuBar().setAccessibleName("Menu bar")
    undo = window.undo_group.createUndoAction(window, "&Undo")
    redo = window.undo_group.createRedoAction(window, "&Redo")
    for action, keys, name in ((undo, UNDO_SHORTCUTS, "undo"), (redo, REDO_SHORTCUTS, "redo")):
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setObjectName(f"action_{name}")
        window.actions_by_key[name] = action
    menus["Edit"].addAction(undo)
    menus["Edit"].addAction(redo)
    for spec in ACTIONS:
        action = _make_action(window, spec)
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        if spec.context:
            if spec.separator_before:
                window._context_actions.append(None)
            window._context_actions.append(action)
    _build_scheme_menu(window, menus["View"])


def build_toolbar(window: MainWindow) -> None:
    """The review toolbar: the table's toolbar actions, then Undo and Redo."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolBar

    toolbar = QToolBar("Review")
    toolbar.setObjectName("reviewToolbar")
    toolbar.setAccessibleName("Review toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(toolbar)
    window.toolbar = toolbar
    for spec in ACTIONS:
        if spec.toolbar:
            if spec.separator_before:
                toolbar.addSeparator()
            toolbar.addAction(window.actions_by_key[spec.key])
    toolbar.addSeparator()
    toolbar.addAction(window.actions_by_key["undo"])
    toolbar.addAction(window.actions_by_key["redo"])


def _make_action(window: MainWindow, spec: ActionSpec) -> QAction:
    # A window shortcut, Qt's default context (setting it would load Qt's namespace).
    action = QAction(spec.text, window)
    action.setObjectName(f"action_{spec.key}")
    tip = spec.tip
    if spec.shortcuts:
        action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        keys = QKeySequence(spec.shortcuts[0])
        tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(spec.tip)
    if spec.key == "quit":
        action.setMenuRole(QAction.MenuRole.QuitRole)
    action.triggered.connect(lambda _checked=False, key=spec.key: window._run(key))
    action.setProperty("needs", spec.needs)
    if spec.key == "underline_figures":
        action.setCheckable(True)
        action.setChecked(window.settings.underline_figures)
    if spec.key == "show_suggestions":
        action.setCheckable(True)
        action.setChecked(window.settings.show_suggestions)
    window.addAction(action)
    window.actions_by_key[spec.key] = action
    return action


def _build_scheme_menu(window: MainWindow, view: QMenu) -> None:
    view.addSeparator()
    sub = view.addMenu("&Appearance")
    for value, text in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
        action = QAction(text, window, checkable=True)
        action.setObjectName(f"action_scheme_{value}")
        action.triggered.connect(lambda _c=False, v=value: window.apply_scheme(v))
        sub.addAction(action)
        window.scheme_actions[value] = action


def fit_toolbar(window: MainWindow) -> None:
    """Icons with their words when the window is wide enough for them all, icons
    alone (the words are in the tooltips and menus) when it is not, so no button
    disappears behind the toolbar's overflow arrow in a narrow window."""
    toolbar = window.toolbar
    if toolbar is None:  # not built yet
        return
    from PySide6.QtCore import Qt

    wide = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    needed = window._toolbar_wide_width
    if not needed:
        style = toolbar.toolButtonStyle()
        toolbar.setToolButtonStyle(wide)
        needed = window._toolbar_wide_width = toolbar.sizeHint().width()
        toolbar.setToolButtonStyle(style)
    fits = needed <= window.width()
    toolbar.setToolButtonStyle(wide if fits else Qt.ToolButtonStyle.ToolButtonIconOnly)
