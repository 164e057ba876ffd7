"""The operations layer: the only code that writes to a project.

Every user edit — from the GUI, the CLI or the undo stack — is one function here. Each
runs in one transaction, writes an audit row to ``history`` and returns a
:class:`Change` describing what it touched, so views refresh from the change rather than
from guesses. Undo is built from these same functions plus the snapshots below: undoing
"mark" is :func:`delete_claim`, undoing "delete" is :func:`restore_claim`.
"""

from factcheck.store.ops.articles import ImportedArticle, import_articles, update_article_metadata
from factcheck.store.ops.base import (
    Change,
    ClaimSnapshot,
    ClaimSpec,
    StaleEdit,
    check_text,
    content_hash,
    now,
    set_setting,
)
from factcheck.store.ops.claims import (
    add_tag,
    delete_claim,
    flag_fuzzy,
    mark_claim,
    mark_claims,
    mark_placed,
    mark_quote,
    remove_tag,
    restore_claim,
    set_note,
    set_status,
    snapshot_claim,
)
from factcheck.store.ops.evidence import (
    add_source,
    link_claims,
    remove_evidence,
    restore_evidence,
    snapshot_evidence,
)
from factcheck.store.ops.revisions import (
    PlacementSnapshot,
    RevisionResult,
    UnchangedText,
    confirm_placement,
    create_revision,
    placements_of,
    predict_placements,
    reattach_claim,
    restore_placement,
    revert_text,
    snapshot_placement,
)

__all__ = [
    "Change",
    "ClaimSnapshot",
    "ClaimSpec",
    "ImportedArticle",
    "PlacementSnapshot",
    "RevisionResult",
    "StaleEdit",
    "UnchangedText",
    "add_source",
    "add_tag",
    "check_text",
    "confirm_placement",
    "content_hash",
    "create_revision",
    "delete_claim",
    "flag_fuzzy",
    "import_articles",
    "link_claims",
    "mark_claim",
    "mark_claims",
    "mark_placed",
    "mark_quote",
    "now",
    "placements_of",
    "predict_placements",
    "reattach_claim",
    "remove_evidence",
    "remove_tag",
    "restore_claim",
    "restore_evidence",
    "restore_placement",
    "revert_text",
    "set_note",
    "set_setting",
    "set_status",
    "snapshot_claim",
    "snapshot_evidence",
    "snapshot_placement",
    "update_article_metadata",
]  # fmt: skip
