"""The window's chrome built from the action table (:mod:`factcheck.ui.common.actions`):
the menus with every action and its shortcut, the review toolbar, and the toolbar fitted
to the window's width. A part of :class:`~factcheck.ui.shell.main_window.MainWindow`
(its base, through the command mixins); the frame needs the menus before its first
paint, the toolbar comes with the panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from factcheck.ui.common.actions import ACTIONS, MENUS, REDO_SHORTCUTS, UNDO_SHORTCUTS, ActionSpec

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QMenu, QToolBar

    from factcheck.ui.common.settings import WindowSettings


class WindowChrome(QMainWindow):
    if TYPE_CHECKING:  # the MainWindow's
        settings: WindowSettings
        menus: dict[str, QMenu]
        undo_group: QUndoGroup
        actions_by_key: dict[str, QAction]
        _context_actions: list[QAction | None]
        scheme_actions: dict[str, QAction]
        toolbar: QToolBar | None
        _toolbar_wide_width: int

        def _run(self, key: str) -> None: ...
        def apply_scheme(self, choice: str) -> None: ...

    def _build_actions(self) -> None:
        """The menus with every action of the action table (and Undo, Redo, Appearance)."""
        menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        self.menus = menus
        self.menuBar().setAccessibleName("Menu bar")
        undo = self.undo_group.createUndoAction(self, "&Undo")
        redo = self.undo_group.createRedoAction(self, "&Redo")
        for action, keys, name in ((undo, UNDO_SHORTCUTS, "undo"), (redo, REDO_SHORTCUTS, "redo")):
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setObjectName(f"action_{name}")
            self.actions_by_key[name] = action
        menus["Edit"].addAction(undo)
        menus["Edit"].addAction(redo)
        for spec in ACTIONS:
            action = self._make_action(spec)
            menu = menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(action)
            if spec.context:
                if spec.separator_before:
                    self._context_actions.append(None)
                self._context_actions.append(action)
        self._build_scheme_menu(menus["View"])

    def _build_toolbar(self) -> None:
        """The review toolbar: the table's toolbar actions, then Undo and Redo."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QToolBar

        toolbar = QToolBar("Review")
        toolbar.setObjectName("reviewToolbar")
        toolbar.setAccessibleName("Review toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        for spec in ACTIONS:
            if spec.toolbar:
                if spec.separator_before:
                    toolbar.addSeparator()
                toolbar.addAction(self.actions_by_key[spec.key])
        toolbar.addSeparator()
        toolbar.addAction(self.actions_by_key["undo"])
        toolbar.addAction(self.actions_by_key["redo"])

    def _make_action(self, spec: ActionSpec) -> QAction:
        # A self shortcut, Qt's default context (setting it would load Qt's namespace).
        action = QAction(spec.text, self)
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
        action.triggered.connect(lambda _checked=False, key=spec.key: self._run(key))
        action.setProperty("needs", spec.needs)
        if spec.key == "underline_figures":
            action.setCheckable(True)
            action.setChecked(self.settings.underline_figures)
        if spec.key == "show_suggestions":
            action.setCheckable(True)
            action.setChecked(self.settings.show_suggestions)
        self.addAction(action)
        self.actions_by_key[spec.key] = action
        return action

    def _build_scheme_menu(self, view: QMenu) -> None:
        view.addSeparator()
        sub = view.addMenu("&Appearance")
        for value, text in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"action_scheme_{value}")
            action.triggered.connect(lambda _c=False, v=value: self.apply_scheme(v))
            sub.addAction(action)
            self.scheme_actions[value] = action

    def _fit_toolbar(self) -> None:
        """Icons with their words when the self is wide enough for them all, icons
        alone (the words are in the tooltips and menus) when it is not, so no button
        disappears behind the toolbar's overflow arrow in a narrow self."""
        toolbar = self.toolbar
        if toolbar is None:  # not built yet
            return
        from PySide6.QtCore import Qt

        wide = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        needed = self._toolbar_wide_width
        if not needed:
            style = toolbar.toolButtonStyle()
            toolbar.setToolButtonStyle(wide)
            needed = self._toolbar_wide_width = toolbar.sizeHint().width()
            toolbar.setToolButtonStyle(style)
        fits = needed <= self.width()
        toolbar.setToolButtonStyle(wide if fits else Qt.ToolButtonStyle.ToolButtonIconOnly)
