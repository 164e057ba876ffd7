"""The session's curation (a part of :class:`~factcheck.ui.session.session.Session`):
article details and deletion, the tag list (rename, colour, describe, merge, delete), the
codebook, the claims table of the whole project; edits are undoable commands
(:mod:`factcheck.ui.session.curation_commands`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.core.claims_table import ClaimTableRow
from factcheck.core.codebook import TagSummary
from factcheck.errors import FactcheckError
from factcheck.ui.session.session_part import SessionPart

if TYPE_CHECKING:

    from factcheck.core.model import Tag


class CurationEdits(SessionPart):
    if TYPE_CHECKING:  # the Session's
        def tags(self) -> list[Tag]: ...

    def edit_article_details(self, article_id: int, **values: str) -> bool:
        """Change title, outlet, author, published or URL (undoable)."""
        from factcheck.ui.session import curation_commands as cc

        command = cc.EditArticleDetails(self, article_id, values)
        return bool(command.new) and self.run(command) is not None

    def delete_article(self, article_id: int) -> bool:
        """Delete an article with its claims (undoable)."""
        from factcheck.ui.session import curation_commands as cc

        return self.run(cc.DeleteArticle(self, article_id)) is not None

    def tag_summaries(self) -> list[TagSummary]:
        from factcheck.store.queries.tags import tag_summaries

        return tag_summaries(self.db)

    def rename_tag(self, name: str, new_name: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        if name == new_name.strip():
            return False
        return self.run(cc.RenameTag(self, name, new_name)) is not None

    def set_tag_color(self, name: str, color: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        old = next((t.color for t in self.tags() if t.name == name), "")
        if old == color:
            return False
        return self.run(cc.SetTagColor(self, name, old, color)) is not None

    def set_tag_description(self, name: str, description: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        old = next((t.description for t in self.tag_summaries() if t.name == name), "")
        if old == description:
            return False
        return self.run(cc.SetTagDescription(self, name, old, description)) is not None

    def merge_tags(self, name: str, into: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        return self.run(cc.MergeTags(self, name, into)) is not None

    def delete_tag(self, name: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        return self.run(cc.DeleteTag(self, name)) is not None

    def import_codebook(self, path: Path) -> str | None:
        """Read a codebook CSV and apply it (undoable); a one-line summary, or None when
        refused (said through ``failed``)."""
        from factcheck.core.codebook import read_codebook, read_codebook_text
        from factcheck.ui.session import curation_commands as cc

        try:
            entries = read_codebook(read_codebook_text(path), str(path))
        except FactcheckError as exc:
            self.failed.emit(str(exc))
            return None
        command = cc.ImportCodebook(self, entries)
        if self.run(command) is None or command.result is None:
            return None
        done = command.result
        same = len(entries) - len(done.created) - len(done.updated)
        return f"{len(done.created)} new tags, {len(done.updated)} changed, {same} unchanged"

    def export_codebook(self, path: Path) -> str | None:
        """Write the tags as a codebook CSV (not an edit of the project)."""
        from factcheck.core.codebook import save_codebook

        try:
            n = save_codebook(path, self.tag_summaries())
        except FactcheckError as exc:
            self.failed.emit(str(exc))
            return None
        return f"Wrote {n} tag{'s' if n != 1 else ''} to {path}"

    def claims_table(self, claim_ids: Iterable[int] | None = None) -> list[ClaimTableRow]:
        """Every claim of the project (or those of ``claim_ids`` still there) with its
        article's title, for the claims table."""
        from factcheck.store.queries import claims_table

        if claim_ids is None:
            return claims_table.claim_table_rows(self.db)
        return claims_table.claim_table_rows_for(self.db, claim_ids)
