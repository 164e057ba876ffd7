"""The project file's schema, as an ordered list of migrations.

Every schema change is a new function, in the module of its subject (or a new one), and
its registration appended at the END of the list below, never an edit of an old one: a
project file written by any earlier version is brought up to date when it is opened.
The order here is the order they run in; names and SQL never change once released.
Each migration runs in one transaction together with its record in
``_sqlite_migrations`` (sqlite-utils ``Migrations``).

Statements are issued one at a time through ``db.execute`` because ``executescript``
would commit the migration's transaction half-way.
"""

from __future__ import annotations

import importlib
from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from factcheck.store.database import Migrations
    from factcheck.store.migrations.claims_view import claims_view_sql, refresh_claims_view
    from factcheck.store.migrations.sharing import GID_TABLES

    migrations: Migrations

MIGRATION_SET = "factcheck"

# In the order they run (append here): the migration's name, then its module in this
# package and its function there. The modules are imported (with sqlite-utils) only when
# the migrations are run or inspected: reading a project needs only the names.
ORDER: tuple[tuple[str, str, str], ...] = (
    ("0001_initial", "initial", "initial"),
    ("0002_revisions", "revisions", "revisions"),
    ("0003_claim_status_index", "claims", "claim_status_index"),
    ("0004_retired_ids", "claims", "retired_ids"),
    ("0011_claims_view", "claims_view", "claims_view"),
    ("0006_figures", "figures", "figures"),
    ("0008_claimants_suggestions", "claims", "claimants_suggestions"),
    ("0007_global_ids", "sharing", "global_ids"),
    ("0007b_reviewer_verdicts", "sharing", "reviewer_verdicts"),
    ("0007c_sync", "sharing", "sync_tables"),
    ("0007d_articles_fts_update", "search", "articles_fts_update"),
    ("0009_language", "language", "language"),
    ("0009b_search_normalised", "search", "search_normalised"),
    ("0006b_figure_queue", "figures", "figure_queue"),
    ("0010_review_day", "claims", "review_day"),
    ("0012_text_once", "revisions", "text_once"),
    ("0013_board", "figures", "board"),
    ("0013_winperf_outline", "claims", "outline_index"),
)


def known_migration_names() -> list[str]:
    return [name for name, _module, _function in ORDER]


@cache
def _registry() -> Migrations:
    from factcheck.store.database import Migrations

    registry = Migrations(MIGRATION_SET)
    for name, module, function in ORDER:
        code = importlib.import_module(f"{__name__}.{module}")
        registry(name=name)(getattr(code, function))
    return registry


# Looked up on first use (PEP 562): the registry and the helpers of two modules.
_LAZY = {
    "GID_TABLES": "sharing",
    "claims_view_sql": "claims_view",
    "refresh_claims_view": "claims_view",
}


def __getattr__(name: str) -> object:
    if name == "migrations":
        return _registry()
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "GID_TABLES",
    "MIGRATION_SET",
    "ORDER",
    "claims_view_sql",
    "known_migration_names",
    "migrations",
    "refresh_claims_view",
]
