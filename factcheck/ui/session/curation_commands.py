"""Undo commands for keeping a project tidy: article details, deleting an article, and
the tag manager's edits (rename, recolour, describe, merge, delete, codebook import).

Like every command (see :mod:`factcheck.ui.session.commands`) each calls the operations
layer and hands the returned change to the session; undo replays a snapshot taken by
the op, so ids come back the same and later commands naming them stay valid.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.core.codebook import CodebookEntry
from factcheck.store import ops, queries
from factcheck.store.change import Change
from factcheck.store.ops import article_removal
from factcheck.store.ops import tags as tag_ops
from factcheck.ui.session.commands import OpCommand, Session

ARTICLE_FIELDS = ("title", "outlet", "author", "published", "url")


class EditArticleDetails(OpCommand):
    """New title, outlet, author, date or URL; undo puts the old ones back."""

    def __init__(self, session: Session, article_id: int, values: dict[str, str]) -> None:
        super().__init__(session, "Edit article details")
        article = queries.get_article(session.db, article_id)
        self.article_id = article_id
        self.new = {k: v for k, v in values.items() if getattr(article, k) != v}
        self.old = {k: str(getattr(article, k)) for k in self.new}

    def _do(self) -> Change:
        return ops.update_article_metadata(self.session.db, self.article_id, self.reviewer,
                                           **self.new)  # fmt: skip

    def _undo(self) -> Change:
        return ops.update_article_metadata(self.session.db, self.article_id, self.reviewer,
                                           **self.old)  # fmt: skip


class DeleteArticle(OpCommand):
    def __init__(self, session: Session, article_id: int) -> None:
        super().__init__(session, "Delete article")
        self.article_id = article_id
        self._snapshot: article_removal.ArticleSnapshot | None = None

    def _do(self) -> Change:
        self._snapshot, change = article_removal.delete_article(
            self.session.db, self.article_id, self.reviewer)
        self.setText(f"Delete article “{_short(self._snapshot.title)}”")
        return change

    def _undo(self) -> Change:
        assert self._snapshot is not None
        return article_removal.restore_article(self.session.db, self._snapshot, self.reviewer)


class RenameTag(OpCommand):
    def __init__(self, session: Session, name: str, new_name: str) -> None:
        super().__init__(session, f"Rename tag “{_short(name)}”")
        self.name, self.new_name = name, new_name.strip()

    def _do(self) -> Change:
        return tag_ops.rename_tag(self.session.db, self.name, self.new_name, self.reviewer)

    def _undo(self) -> Change:
        return tag_ops.rename_tag(self.session.db, self.new_name, self.name, self.reviewer)


class SetTagColor(OpCommand):
    def __init__(self, session: Session, name: str, old: str, new: str) -> None:
        super().__init__(session, f"Recolour tag “{_short(name)}”")
        self.name, self.old, self.new = name, old, new

    def _do(self) -> Change:
        return tag_ops.set_tag_color(self.session.db, self.name, self.new, self.reviewer)

    def _undo(self) -> Change:
        return tag_ops.set_tag_color(self.session.db, self.name, self.old, self.reviewer)


class SetTagDescription(OpCommand):
    def __init__(self, session: Session, name: str, old: str, new: str) -> None:
        super().__init__(session, f"Describe tag “{_short(name)}”")
        self.name, self.old, self.new = name, old, new

    def _do(self) -> Change:
        return tag_ops.set_tag_description(self.session.db, self.name, self.new, self.reviewer)

    def _undo(self) -> Change:
        return tag_ops.set_tag_description(self.session.db, self.name, self.old, self.reviewer)


class _TagSnapshotCommand(OpCommand):
    _snapshot: tag_ops.TagSnapshot | None = None

    def _undo(self) -> Change:
        assert self._snapshot is not None
        return tag_ops.restore_tag(self.session.db, self._snapshot, self.reviewer)


class DeleteTag(_TagSnapshotCommand):
    def __init__(self, session: Session, name: str) -> None:
        super().__init__(session, f"Delete tag “{_short(name)}”")
        self.name = name

    def _do(self) -> Change:
        self._snapshot, change = tag_ops.delete_tag(self.session.db, self.name, self.reviewer)
        return change


class MergeTags(_TagSnapshotCommand):
    def __init__(self, session: Session, name: str, into: str) -> None:
        super().__init__(session, f"Merge tag “{_short(name)}” into “{_short(into)}”")
        self.name, self.into = name, into

    def _do(self) -> Change:
        self._snapshot, change = tag_ops.merge_tags(self.session.db, self.name, self.into,
                                                    self.reviewer)  # fmt: skip
        return change


class ImportCodebook(OpCommand):
    def __init__(self, session: Session, entries: Sequence[CodebookEntry]) -> None:
        super().__init__(session, "Import codebook")
        self.entries = list(entries)
        self.result: tag_ops.CodebookImport | None = None

    def _do(self) -> Change:
        self.result, change = tag_ops.import_codebook(self.session.db, self.entries,
                                                      self.reviewer)  # fmt: skip
        return change

    def _undo(self) -> Change:
        assert self.result is not None
        return tag_ops.undo_codebook_import(self.session.db, self.result, self.reviewer)


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
