"""The main window's commands for keeping a project tidy during a day of review (a
mixin of :class:`~factcheck.ui.shell.main_window.MainWindow`): article details and
deletion (also from the article list's right-click menu), the tag manager, the claims
table of the whole project, the claim list's filter state, recent projects.

As everywhere in the window, the dialogs collect and the session writes (one undoable
step each); views refresh from the change the session emits (:meth:`after_change`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from factcheck.ui.shell.window_commands import WindowCommands

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction

    from factcheck.store.change import Change
    from factcheck.ui.claims.claims_table import ClaimsTableDock
    from factcheck.ui.common.settings import WindowSettings
    from factcheck.ui.reader.reader_pane import ReaderPane

RECENT_SHOWN = 8
# Qt and the dialogs are imported where they are used: the window's first frame waits for
# every import of this module (see factcheck.ui.shell.main_window).


class CurationCommands(WindowCommands):
    if TYPE_CHECKING:
        settings: WindowSettings
        menus: dict[str, QMenu]
        actions_by_key: dict[str, QAction]

        reader_pane: ReaderPane


    claims_dock: ClaimsTableDock | None = None

    def _build_recent_menu(self) -> None:
        """File ▸ Open Recent (with the window's frame)."""
        file_menu = self.menus["File"]
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("menu_recent")
        file_menu.insertMenu(self.actions_by_key["open_default"], self.recent_menu)
        # Filled as it opens: a project opened from it must not clear it under itself.
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _build_curation(self) -> None:
        """The article list's context menu, the filter reset (with the panes)."""
        self.navigator.articleMenuRequested.connect(self.show_article_menu)
        self.claim_pane.resetFiltersRequested.connect(self.clear_claim_filters)

    # --- recent projects -------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.session.path if self.session is not None else None
        shown = [p for p in self.settings.recent_projects() if p != current][:RECENT_SHOWN]
        for i, path in enumerate(shown, start=1):
            text = f"&{i} {path.name}" if i < 10 else path.name
            action = self.recent_menu.addAction(text)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_recent(p))
        if not shown:
            none = self.recent_menu.addAction("(no other project opened yet)")
            none.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction("&Clear List")
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.set_recent_projects([])

    def remember_project(self, path: Path) -> None:
        """Put the project at the top of File ▸ Open Recent."""
        if str(path) == ":memory:":
            return
        self.settings.add_recent_project(path)

    def open_recent(self, path: Path) -> None:
        if not path.exists():
            self.statusBar().showMessage(f"{path}: no longer there; removed from the list",
                                         6000)  # fmt: skip
            self.settings.set_recent_projects(
                [p for p in self.settings.recent_projects() if p != path])
            return
        self.load_project(path)

    def open_default_project(self) -> None:
        from factcheck import paths

        path = paths.default_project()
        if self.session is not None and self.session.path == path:
            self.statusBar().showMessage("The default project is the one open", 3000)
            return
        self.load_project(path, seed=True)

    # --- articles --------------------------------------------------------------------

    def show_article_menu(self, article_id: int, where: QPoint) -> None:
        """Right-click on the article list: open that article, then offer what can be
        done to it."""
        self.open_article(article_id)
        menu = QMenu(self)
        menu.setObjectName("articleMenu")
        for key in ("edit_details", "edit_text", "delete_article"):
            menu.addAction(self.actions_by_key[key])
        menu.addSeparator()
        menu.addAction(self.actions_by_key["export_report"])
        menu.exec(where)
        menu.deleteLater()

    def edit_article_details(self) -> None:
        from PySide6.QtWidgets import QDialog

        from factcheck.ui.articles.details_dialog import ArticleDetailsDialog

        if self.session is None or self.article is None:
            return
        article = self.session.article(self.article.id)
        dialog = ArticleDetailsDialog(article, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.values():
            self.session.edit_article_details(article.id, **dialog.values())

    def delete_article(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.session is None or self.article is None:
            return
        article = self.article
        n = len(self.claim_pane.model.all_rows())
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete article",
                          f"Delete “{article.title}” with its {n} claim{'s' if n != 1 else ''}?",
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setInformativeText("Edit ▸ Undo (Ctrl+Z) brings it back, claims and all.")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirmDeleteArticle")
        box.exec()
        if box.clickedButton() is delete:
            self.session.delete_article(article.id)

    # --- tags ------------------------------------------------------------------------

    def manage_tags(self) -> None:
        from PySide6.QtCore import Qt

        from factcheck.ui.claims.tag_manager import TagManagerDialog

        if self.session is None:
            return
        self.editor.flush_note()
        dialog = TagManagerDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    # --- the claim list's filters ----------------------------------------------------

    def clear_claim_filters(self) -> None:
        selected = self.selected_claim()
        self.claim_pane.clear_filters()
        if selected is not None:
            self.select_claim(selected, scroll=False)
        self.statusBar().showMessage("Showing every claim of the article", 2500)

    def say_if_filtered_out(self, claim_id: int | None) -> None:
        """A selected claim the claim list's filters hide is named in the status bar
        (and the pane's filter marker stays lit), instead of vanishing silently."""
        if claim_id is None or self.claim_pane.model.row_of(claim_id) is not None:
            return
        if self.claim_pane.filters_active():
            self.statusBar().showMessage(
                f"Claim #{claim_id} is hidden by the claim list's filters — Ctrl+Shift+A "
                "shows all", 8000)  # fmt: skip

    # --- the claims of the whole project ---------------------------------------------

    def toggle_claims_table(self) -> None:
        from PySide6.QtCore import Qt

        from factcheck.ui.claims.claims_table import ClaimsTableDock

        if self.session is None:
            return
        if self.claims_dock is None:
            self.claims_dock = ClaimsTableDock(self)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.claims_dock)
            self.claims_dock.table.claimActivated.connect(self._open_from_table)
            self.claims_dock.visibilityChanged.connect(self._claims_dock_shown)
            self.claims_dock.hide()
        dock = self.claims_dock
        if dock.isVisible():
            dock.hide()
            return
        dock.show()
        dock.raise_()
        self.reload_claims_table()
        dock.table.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _claims_dock_shown(self, visible: bool) -> None:
        if visible:
            self.reload_claims_table()

    def reload_claims_table(self) -> None:
        dock = self.claims_dock
        if dock is None or self.session is None or not dock.isVisible():
            return
        dock.table.set_rows(self.session.claims_table(), [t.name for t in self.session.tags()])

    def _open_from_table(self, claim_id: int) -> None:
        from PySide6.QtCore import Qt

        self.review.go_to_claim(claim_id)
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- after an edit ---------------------------------------------------------------

    def _articles_came_or_went(self, change: Change) -> bool:
        """Whether the project's articles are no longer the ones listed: one of the
        articles the change names came or went, or the number differs. Asked after
        every mark (which names the article list, for its counts), so it reads neither
        the list nor every id: a look-up of the named ids and one count."""
        assert self.session is not None
        listed = self.navigator.articles
        named = change.article_ids
        present = self.session.existing_articles(named) if named else set()
        if any((aid in present) != (listed.row_of(aid) is not None) for aid in named):
            return True
        return self.session.article_count() != listed.rowCount()

    def after_change(self, change: Change) -> None:
        """What the curation views need after any edit, undo or redo: the article list
        when articles went or came back, the open article when it was deleted or its
        details changed, the claims table's rows."""
        session = self.session
        if session is None:
            return
        if change.article_list and self._articles_came_or_went(change):
            existing = set(session.article_ids())
            current = self.article.id if self.article is not None else None
            self.navigator.articles.set_articles(session.articles())
            if current is not None and current not in existing:
                ids = self.navigator.articles.ids()
                if ids:
                    self.open_article(min(ids, key=lambda i: (abs(i - current), i)))
                else:
                    self.review.show_no_article("This project has no articles left")
            else:
                self.navigator.select_article(current)
        elif (self.article is not None and self.article.id in change.article_ids
              and not change.claim_ids and not change.texts):  # fmt: skip
            # Details of the open article (title, outlet, date…): the reader pane shows
            # them again from the model.
            self.article_model.set_details(session.article(self.article.id))
        dock = self.claims_dock
        if dock is not None and dock.isVisible():
            if (change.article_list and not change.claim_ids) or len(change.claim_ids) > 500:
                self.reload_claims_table()
            elif change.claim_ids:
                rows = session.claims_table(change.claim_ids)
                gone = sorted(change.claim_ids - {r.id for r in rows})
                dock.table.model.upsert(rows, gone)
                if change.tags:
                    dock.table.set_tags([t.name for t in session.tags()])
