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

from sqlite_utils.migrations import Migrations

import factcheck.store.migrations.claims as claims
import factcheck.store.migrations.claims_view as claims_view
import factcheck.store.migrations.figures as figures
import factcheck.store.migrations.initial as initial
import factcheck.store.migrations.language as language
import factcheck.store.migrations.revisions as revisions
import factcheck.store.migrations.search as search
import factcheck.store.migrations.sharing as sharing
from factcheck.store.migrations.claims_view import claims_view_sql, refresh_claims_view
from factcheck.store.migrations.sharing import GID_TABLES

MIGRATION_SET = "factcheck"
migrations = Migrations(MIGRATION_SET)

# In the order they run (append here):
migrations(name="0001_initial")(initial.initial)
migrations(name="0002_revisions")(revisions.revisions)
migrations(name="0003_claim_status_index")(claims.claim_status_index)
migrations(name="0004_retired_ids")(claims.retired_ids)
migrations(name="0011_claims_view")(claims_view.claims_view)
migrations(name="0006_figures")(figures.figures)
migrations(name="0008_claimants_suggestions")(claims.claimants_suggestions)
migrations(name="0007_global_ids")(sharing.global_ids)
migrations(name="0007b_reviewer_verdicts")(sharing.reviewer_verdicts)
migrations(name="0007c_sync")(sharing.sync_tables)
migrations(name="0007d_articles_fts_update")(search.articles_fts_update)
migrations(name="0009_language")(language.language)
migrations(name="0009b_search_normalised")(search.search_normalised)
migrations(name="0006b_figure_queue")(figures.figure_queue)
migrations(name="0010_review_day")(claims.review_day)
migrations(name="0012_text_once")(revisions.text_once)
migrations(name="0013_board")(figures.board)
migrations(name="0013_winperf_outline")(claims.outline_index)


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]


__all__ = [
    "GID_TABLES",
    "MIGRATION_SET",
    "claims_view_sql",
    "known_migration_names",
    "migrations",
    "refresh_claims_view",
]
