"""``claims_view``: every claim readable without joins (Datasette, sqlite-utils), and
the helper later migrations call when the view should show a new column."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import run


def claims_view_sql(db: Database) -> str:
    """The ``CREATE VIEW claims_view`` statement for the project's current columns.

    One row per claim, readable without joins in Datasette or ``sqlite-utils rows``:
    the article's title, the quote, the verdict, the tags as one comma-separated text (in
    name order), the note, the reviewer, and the claimant and language when the project
    has those columns (``claims.claimant``, ``articles.language``). A later migration
    that adds a column the view should show calls :func:`refresh_claims_view` again,
    which drops and recreates the view (a view holds no data, so nothing is lost).
    """
    claim_cols = set(db.table("claims").columns_dict)
    article_cols = set(db.table("articles").columns_dict)
    optional = []
    if "claimant" in claim_cols:
        optional.append("c.claimant AS claimant")
    if "language" in article_cols:
        optional.append("a.language AS language")
    extra = "".join(f"\n            {col}," for col in optional)
    return f"""CREATE VIEW claims_view AS
        SELECT
            c.id AS id,
            c.article_id AS article_id,
            a.title AS article_title,
            c.quote AS quote,
            c.status AS verdict,
            coalesce((SELECT group_concat(name, ', ') FROM (
                SELECT t.name AS name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
                WHERE ct.claim_id = c.id ORDER BY t.name COLLATE NOCASE)), '') AS tags,{extra}
            c.note AS note,
            c.reviewer AS reviewer,
            c.placement AS placement,
            c.start AS start,
            c."end" AS "end",
            a.url AS article_url,
            c.updated_at AS updated_at
        FROM claims c JOIN articles a ON a.id = c.article_id"""


def refresh_claims_view(db: Database) -> None:
    run(db, "DROP VIEW IF EXISTS claims_view", claims_view_sql(db))


def claims_view(db: Database) -> None:
    """``claims_view``: every claim with its article's title, verdict and tags as text,
    so the project file browses well in Datasette and sqlite-utils (see
    :func:`claims_view_sql`)."""
    refresh_claims_view(db)
