"""The main window's commands that act on claims, dialogs and preferences (a mixin of
:class:`~factcheck.ui.shell.main_window.MainWindow`, split out to keep each file readable).

The window maps the keys of :data:`factcheck.ui.common.actions.ACTIONS` to these commands
(:meth:`MainWindow.commands`). They read the selection from the controller and the reader
and hand the edit to the session; none of them refreshes a view itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from factcheck.ui.common.messages import show_message
from factcheck.ui.shell import dialogs
from factcheck.ui.shell.file_commands import FileCommands

# Qt's namespace (``Qt``), the domain model and the text helpers are imported where they
# are used: the window's first frame waits for every import of this module (see
# factcheck.ui.shell.main_window).
if TYPE_CHECKING:
    from factcheck.core.model import Article, SearchHit, Status
    from factcheck.ui.articles.navigator import Navigator
    from factcheck.ui.claims.claim_editor import ClaimEditor
    from factcheck.ui.claims.claim_pane import ClaimPane
    from factcheck.ui.reader.reader import ReaderView
    from factcheck.ui.session.open_article import OpenArticle
    from factcheck.ui.session.session import Session
    from factcheck.ui.shell.review import ReviewController
    from factcheck.ui.shell.reviewer_field import ReviewerField
    from factcheck.ui.shell.suggestions import SuggestionController

class WindowCommands(FileCommands):
    """Claim, dialog, preference and navigation commands of the main window (the file
    and project commands are :class:`FileCommands`)."""

    if TYPE_CHECKING:
        session: Session | None
        article_model: OpenArticle
        review: ReviewController
        reviewer: str
        reader: ReaderView
        editor: ClaimEditor
        claim_pane: ClaimPane
        navigator: Navigator
        reviewer_field: ReviewerField
        suggest_ctl: SuggestionController

        def selected_claim(self) -> int | None: ...
        def open_article(self, article_id: int, *, claim_id: int | None = None) -> None: ...
        def set_session(self, session: Session | None) -> None: ...
        def build_panes(self) -> None: ...
        def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None: ...

    @property
    def article(self) -> Article | None:
        """The open article (the model's; the controller opens and closes it)."""
        return self.article_model.article

    # --- claim actions ---------------------------------------------------------------

    def mark_selection(self) -> None:
        if self.session is None or self.article is None:
            return
        selection = self.reader.selection_cp()
        if selection is None:
            self.statusBar().showMessage("Select some text in the article first", 3000)
            return
        text = self.article.text
        start, end = selection
        from PySide6.QtCore import Qt

        from factcheck.core.quotes import snap_to_words

        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        if not exact:
            start, end = snap_to_words(text, start, end)
        if start >= end or not text[start:end].strip():
            self.statusBar().showMessage("The selection is only white space: nothing to mark",
                                         4000)  # fmt: skip
            return
        article = self.article
        claim_id = self.session.mark(article.id, start, end, article.content_hash, text=text)
        if claim_id is not None:
            self.reader.clear_text_selection()
            # Where else the words appear: a look-up (figures of queued articles found
            # first), said in the status bar right after the frame showing the claim.
            self.review.after_the_frame("twins", lambda: self._offer_twins(claim_id))

    def _offer_twins(self, claim_id: int) -> None:
        if self.session is not None and self.session.claim(claim_id) is not None:
            self.suggest_ctl.offer_twins(claim_id)  # unless undone meanwhile

    def claim_in_view(self) -> int | None:
        """The claim a verdict key, Delete or the context menu may act on: the one
        selected and shown in the editor, and only while the article has no other text
        selected (a reviewer who has just selected text means that text, not the claim
        selected before). Says why in the status bar when there is none."""
        cid = self.selected_claim()
        if self.session is None or cid is None or self.editor.claim_id() != cid:
            self.statusBar().showMessage("Select a claim first (click it, or F8)", 4000)
            return None
        selection = self.reader.selection_cp()
        claim = self.editor.claim()
        if selection is not None and claim is not None and selection != (claim.start, claim.end):
            self.statusBar().showMessage(
                "Text is selected, not a claim: press Ctrl+M to mark it first, then judge "
                "it", 6000)  # fmt: skip
            return None
        return cid

    def verdict(self, status: Status) -> None:
        """Give the claim in view (see :meth:`claim_in_view`) the verdict ``status``."""
        cid = self.claim_in_view()
        if self.session is not None and cid is not None:
            self.session.set_status(cid, status)

    def add_tag(self) -> None:
        self.editor.focus_tag_input()

    def delete_claim(self) -> None:
        cid = self.claim_in_view()
        if self.session is not None and cid is not None:
            self.session.delete_claim(cid)

    # --- claims after the text changed -----------------------------------------------

    def confirm_placement(self, claim_id: int | None = None) -> None:
        """Keep an approximately placed claim where it landed (undoable)."""
        cid = claim_id if claim_id is not None else self.selected_claim()
        claim = self.session.claim(cid) if self.session is not None and cid is not None else None
        if self.session is None or claim is None:
            return
        if claim.placement != "fuzzy":
            self.statusBar().showMessage("Only an approximately placed claim (≈) needs "
                                         "confirming", 4000)  # fmt: skip
            return
        self.session.confirm_placement(claim.id)

    def reattach_selection(self, claim_id: int | None = None) -> None:
        """Move the selected claim, if it waits for review (fuzzy or lost), to the text
        selected in the article: snapped to whole words as when marking, unless Alt is
        held (undoable)."""
        cid = claim_id if claim_id is not None else self.selected_claim()
        claim = self.session.claim(cid) if self.session is not None and cid is not None else None
        if self.session is None or self.article is None or claim is None:
            return
        if not claim.needs_review:
            self.statusBar().showMessage(
                "Only a claim waiting for review (≈ or lost) can be re-attached", 4000)
            return
        selection = self.reader.selection_cp()
        if selection is None:
            self.statusBar().showMessage("Select the claim's text in the article first", 3000)
            return
        text = self.article.text
        start, end = selection
        from PySide6.QtCore import Qt

        from factcheck.core.quotes import snap_to_words

        if not QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier:
            start, end = snap_to_words(text, start, end)
        if start >= end or not text[start:end].strip():
            return
        if self.session.reattach(claim.id, start, end, self.article.content_hash):
            self.reader.clear_text_selection()

    def show_claims_needing_review(self) -> None:
        """Filter the claim list to the fuzzy and lost claims and select the first."""
        from PySide6.QtCore import Qt

        from factcheck.ui.common.placement_style import NEEDS_REVIEW

        if self.article is None:
            return
        self.claim_pane.set_filter("placement", NEEDS_REVIEW)
        first = self.claim_pane.model.row_at(0)
        if first is None:
            self.statusBar().showMessage("No claims of this article need review", 3000)
            return
        self.select_claim(first.id)
        self.claim_pane.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def link_claim(self) -> None:
        from PySide6.QtCore import Qt

        from factcheck.ui.claims.evidence_dialogs import LinkClaimDialog

        cid = self.selected_claim()
        session = self.session
        current = session.claim(cid) if session and cid is not None else None
        if session is None or current is None:
            return
        dialog = LinkClaimDialog(session.all_claims(), session.article_titles(), current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            target = dialog.chosen_claim()
            if target is not None:
                session.link(current.id, target, dialog.chosen_relation())

        dialog.accepted.connect(done)
        dialog.open()

    def add_source(self) -> None:
        from PySide6.QtCore import Qt

        from factcheck.ui.claims.evidence_dialogs import SourceDialog

        cid = self.selected_claim()
        session = self.session
        if session is None or cid is None:
            return
        dialog = SourceDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: session.add_source(cid, **dialog.values()))
        dialog.open()

    # --- dialogs owned elsewhere -----------------------------------------------------

    def export_report(self) -> None:
        dialogs.export_report(self)

    def sync_project(self) -> None:
        dialogs.sync_project(self)

    def curate(self) -> None:
        dialogs.curate(self)

    def edit_article_text(self) -> None:
        dialogs.edit_article_text(self)

    def edit_article_language(self) -> None:
        dialogs.edit_article_language(self)

    def paste_article(self) -> None:
        dialogs.paste_article(self)

    def reload_after_outside_edit(self, article_id: int | None = None) -> None:
        """Re-read everything after a dialog changed the project behind the undo stack
        (text edits move claims, so older undo steps no longer apply)."""
        if self.session is None:
            return
        self.session.undo_stack.clear()
        current = article_id or (self.article.id if self.article else None)
        self.navigator.articles.set_articles(self.session.articles())
        self.claim_pane.set_known_tags([t.name for t in self.session.tags()])
        ids = self.navigator.articles.ids()
        if current in ids:
            self.review.open_article(current, reload=True)
        elif ids:
            self.review.open_article(ids[-1], reload=True)

    # --- preferences and help --------------------------------------------------------

    def change_reviewer(self) -> None:
        """Edit ▸ Reviewer Name…: the same change as a click on the name in the status
        bar, from a dialog."""
        from factcheck.ui.shell.reviewer import ask_reviewer

        name = " ".join(ask_reviewer(self, self.reviewer).split())
        if name and name != self.reviewer:
            self.set_reviewer(name)

    def set_reviewer(self, name: str) -> None:
        """Record ``name`` on the edits from now on, and remember it (the command line
        reads the same preference)."""
        from factcheck.ui.shell.reviewer import save_reviewer

        self.reviewer = name
        if self.session is not None:
            self.session.reviewer = name
        self.reviewer_field.set_name(name)
        save_reviewer(name)
        self.statusBar().showMessage(f"Your edits are now recorded as “{name}”", 5000)

    def hint_reviewer(self) -> None:
        """On a first start (no name chosen yet): say whose name edits carry, and where
        to change it."""
        self.statusBar().showMessage(
            f"Your edits are recorded as “{self.reviewer}” — click the name at the right "
            "to change it"
        )

    def show_shortcuts(self) -> None:
        from factcheck.ui.common.actions import shortcut_table

        rows = "".join(f"<tr><td>{m}</td><td>{c}</td><td><b>{k}</b></td></tr>"
                       for m, c, k in shortcut_table())  # fmt: skip
        show_message(self, "Keyboard shortcuts",
                     f"<table cellspacing='6'>{rows}</table>")  # fmt: skip

    def show_about(self) -> None:
        from factcheck import __version__

        show_message(self, "About factcheck",
                     f"factcheck {__version__}<br>Review news articles claim by claim.")

    def describe_claim(self, claim_id: int) -> str:
        claim = self.session.claim(claim_id) if self.session else None
        if claim is None:
            return f"#{claim_id} (deleted)"
        quote = " ".join(claim.quote.split())
        quote = quote if len(quote) <= 70 else quote[:69] + "…"
        row = self.navigator.articles.row_of(claim.article_id)
        article = self.navigator.articles.article_at(row) if row is not None else None
        title = article.title if article else f"article {claim.article_id}"
        return f"#{claim.id} “{quote}” ({title})"

    def describe_claim_briefly(self, claim_id: int) -> str:
        """``#4 in ‘Raed al Saleh knows…’``: a claim named in a history sentence."""
        claim = self.session.claim(claim_id) if self.session else None
        if claim is None:
            return f"#{claim_id} (deleted)"
        row = self.navigator.articles.row_of(claim.article_id)
        article = self.navigator.articles.article_at(row) if row is not None else None
        title = " ".join((article.title if article else f"article {claim.article_id}").split())
        if len(title) > 28:
            title = (title[:28].rsplit(" ", 1)[0] if " " in title[:28] else title[:27]) + "…"
        return f"#{claim.id} in ‘{title}’"

    def describe_claims(self, claim_ids: list[int]) -> str:
        """Hover text: status, tags and note of each claim under the mouse."""
        parts = []
        for cid in claim_ids:
            claim = self.session.claim(cid) if self.session else None
            if claim is None:
                continue
            lines = [f"{claim.status.label} — claim #{claim.id}"]
            from factcheck.ui.common.placement_style import placement_hint

            if hint := placement_hint(claim.placement, claim.placement_score, claim.quote,
                                      claim.original_quote):  # fmt: skip
                lines.append(hint)
            if claim.tags:
                lines.append("Tags: " + ", ".join(claim.tags))
            lines.append("Note: " + (claim.note.strip() or "(none)"))
            parts.append("\n".join(lines))
        more = "\n\n(click again to select the next claim out)" if len(parts) > 1 else ""
        return "\n\n".join(parts) + more

    # --- navigation ------------------------------------------------------------------

    def _unverified(self, backwards: bool) -> None:
        if self.session is None:
            return
        after = None
        cid = self.selected_claim()
        claim = self.session.claim(cid) if cid is not None else None
        if claim is not None:
            after = (claim.article_id, claim.start, claim.id)
        elif self.article is not None:
            after = (self.article.id, -1, -1)
        found = self.session.next_unverified(after, backwards=backwards)
        if found is None:
            self.statusBar().showMessage("No unverified claims left in the project", 4000)
            return
        self.open_article(found.article_id, claim_id=found.id)
        self.reader.place_caret(found.start)  # the keyboard follows, for Shift+arrows

    def focus_text(self) -> None:
        """Escape: back to the article text from a list or a field, with the caret where
        it was (the selected claim's start if the caret is elsewhere). In the search box,
        Escape clears the search instead; in the text, it drops the text selection."""
        from PySide6.QtCore import Qt

        if self.article is None:
            return
        focused = QApplication.focusWidget()
        search = self.navigator.search
        if focused is search and (search.text() or self.navigator.stack.currentIndex()):
            self.navigator.clear_search()
            return
        if focused is self.reader:
            self.reader.clear_text_selection()
            return
        claim = self.editor.claim()
        caret = self.reader.textCursor()
        if claim is not None and not caret.hasSelection() and caret.position() == 0:
            self.reader.place_caret(claim.start)
        else:
            self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def next_unverified(self) -> None:
        self._unverified(False)

    def previous_unverified(self) -> None:
        self._unverified(True)

    # --- search ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.navigator.focus_search()

    def run_search(self, query: str) -> None:
        if self.session is not None:
            self.navigator.show_hits(query, self.session.search(query))

    def open_hit(self, hit: SearchHit) -> None:
        """Open the article at the hit: select the claim, or the first matched word."""
        self.open_article(hit.article_id, claim_id=hit.claim_id)
        if hit.claim_id is not None or self.article is None:
            return
        text = self.article.text.casefold()
        terms = re.findall(r"\[([^\]]+)\]", hit.snippet) or self.navigator.search.text().split()
        for term in terms:
            pos = text.find(term.casefold())
            if pos >= 0 and len(term.casefold()) == len(term):
                self.reader.select_cp(pos, pos + len(term))
                return
            if pos >= 0:
                self.reader.scroll_to_cp(pos)
                return
