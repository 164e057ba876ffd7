"""Importing files into a project: read each file, report each outcome, go on past
failures, write the accepted articles through the operations layer.

A refused file never stops the batch and never leaves anything half-imported: files are
read and checked first, then the accepted ones are written in transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from factcheck.core import language_model
from factcheck.core.ingest import expand_paths, read_article_file
from factcheck.core.model import ArticleDraft
from factcheck.core.safe_text import display_path, without_surrogates
from factcheck.errors import ImportRefused
from factcheck.paths import seeds_dir
from factcheck.store import ops, queries
from factcheck.store.database import Database
from factcheck.store.import_report import FileResult as FileResult
from factcheck.store.import_report import ImportReport as ImportReport
from factcheck.store.import_report import Outcome as Outcome
from factcheck.store.reading import SEEDED_KEY as SEEDED_KEY

BATCH = 200  # articles written per transaction in a large import

Progress = Callable[[int, int, str], None]  # (done, total, current file name)


def _write(
    db: Database, drafts: Sequence[ArticleDraft], reviewer: str
) -> tuple[list[FileResult], ops.Change]:
    results: list[FileResult] = []
    total = ops.Change("import")
    for i in range(0, len(drafts), BATCH):
        imported, change = ops.import_articles(db, drafts[i : i + BATCH], reviewer)
        total = total.merged(change)
        for item in imported:
            name = item.draft.source_path or item.draft.title
            if item.revision is not None:
                rev = item.revision
                msg = (f"{Path(name).name}: updated article {item.article_id} "
                       f"(revision {rev.number}): {rev.summary()}")  # fmt: skip
                results.append(FileResult(
                    name, Outcome.UPDATED, msg, item.article_id, item.draft.title, rev.number,
                    dict(rev.counts),
                ))  # fmt: skip
                continue
            if item.duplicate:
                msg = f"{Path(name).name}: already in the project (article {item.article_id})"
                outcome = Outcome.DUPLICATE
            else:
                msg = f"{Path(name).name}: imported as article {item.article_id}"
                outcome = Outcome.IMPORTED
            results.append(FileResult(name, outcome, msg, item.article_id, item.draft.title))
    return results, total


def import_paths(
    db: Database,
    paths: Iterable[Path | str],
    reviewer: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Import files and folders; one :class:`FileResult` per file, in order."""
    files = list(expand_paths(Path(p) for p in paths))
    if len(files) >= language_model.BATCH_MIN:
        language_model.warm_up()  # loads while the files are read
    refused: dict[int, FileResult] = {}
    drafts: list[tuple[int, ArticleDraft]] = []
    for index, (path, _named) in enumerate(files):
        if progress:
            progress(index, len(files), path.name)
        try:
            drafts.append((index, read_article_file(path)))
        except ImportRefused as exc:
            refused[index] = FileResult(display_path(path), Outcome.REFUSED,
                                        without_surrogates(str(exc)))  # fmt: skip
    written, change = _write(db, [d for _, d in drafts], reviewer)
    by_index = dict(zip((i for i, _ in drafts), written, strict=True)) | refused
    if progress:
        progress(len(files), len(files), "")
    return ImportReport(tuple(by_index[i] for i in sorted(by_index)), change)


def import_drafts(db: Database, drafts: Sequence[ArticleDraft], reviewer: str) -> ImportReport:
    """Import articles that did not come from files (pasted text, other formats)."""
    written, change = _write(db, drafts, reviewer)
    return ImportReport(tuple(written), change)




def ensure_seeded(db: Database, reviewer: str, seeds: Path | None = None) -> ImportReport | None:
    """On first use of an empty project, import the bundled sample articles.

    Runs once per project: the "seeded" setting records it, so a user who deletes the
    samples does not get them back. Returns the report when it imported, else None.
    """
    if queries.get_setting(db, SEEDED_KEY):
        return None
    report = None
    if queries.article_count(db) == 0:
        folder = seeds or seeds_dir()
        if folder.is_dir():
            report = import_paths(db, [folder], reviewer)
    ops.set_setting(db, SEEDED_KEY, "1")
    return report


def mark_seeded(db: Database) -> None:
    """Record that a project should not receive the samples (File > New project)."""
    ops.set_setting(db, SEEDED_KEY, "1")
