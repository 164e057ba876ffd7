"""What an import did, file by file: plain data the window and the CLI show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factcheck.store.change import Change


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"  # a new revision of the article with the same URL
    DUPLICATE = "duplicate"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    outcome: Outcome
    message: str
    article_id: int | None = None
    title: str = ""
    revision: int | None = None  # the new revision's number, for UPDATED
    placements: dict[str, int] | None = None  # claims by placement, for UPDATED


@dataclass(frozen=True, slots=True)
class ImportReport:
    results: tuple[FileResult, ...]
    change: Change

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)

    @property
    def ok(self) -> bool:
        """True when nothing was refused."""
        return self.count(Outcome.REFUSED) == 0

    def summary(self) -> str:
        updated = self.count(Outcome.UPDATED)
        return (
            f"{self.count(Outcome.IMPORTED)} imported, "
            + (f"{updated} updated, " if updated else "")
            + f"{self.count(Outcome.DUPLICATE)} already in the project, "
            f"{self.count(Outcome.REFUSED)} refused"
        )


__all__ = ["FileResult", "ImportReport", "Outcome"]
