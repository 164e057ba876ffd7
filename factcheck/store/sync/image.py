"""The project as reviewers share it: every shared row keyed by its global id.

Changesets of SQLite's session extension are keyed by primary key. The project's own
tables are keyed by local integer ids, which two reviewers working offline hand out
independently (both create claim 7): a changeset over them would collide. So the sync
works on an *image* of the project in an in-memory database of its own (through apsw,
whose bundled SQLite has the session extension), where each table is keyed by global
ids and refers to other rows by global id. Changesets are computed and applied there;
what changed is then written back to the project through the operations layer with
local ids (:mod:`factcheck.store.ops.sync`).

What is shared: articles (metadata and current text), claims (span, verdict in effect,
shared note, placement, adjudication, claimant), tags, the tags of each claim, evidence, and each
reviewer's own verdict. What stays local: integer ids, the audit history, revisions
(a text change arrives as a new revision), settings, timestamps of local bookkeeping.

Columns are grouped for conflict detection: a claim's span (start, end, quote, context,
placement) is one unit, so two reviewers re-attaching the same claim differently is one
conflict, never a span stitched from both; likewise the adjudication fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import apsw

from factcheck.store.database import Database

IMAGE_VERSION = 1


@dataclass(frozen=True)
class Table:
    name: str
    pk: tuple[str, ...]
    cols: tuple[str, ...]  # every column, the primary key first
    select: str  # reads ``cols`` (in order) from the project
    groups: tuple[tuple[str, ...], ...] = ()  # columns that conflict as one unit
    soft: dict[str, str] = field(default_factory=dict)  # column -> "local" | "max"
    group_names: dict[str, str] = field(default_factory=dict)  # first column -> name

    def group_of(self, col: str) -> tuple[str, ...]:
        for g in self.groups:
            if col in g:
                return g
        return (col,)

    def group_name(self, group: tuple[str, ...]) -> str:
        return self.group_names.get(group[0], group[0])

    def ddl(self, schema: str = "main") -> str:
        cols = ", ".join(f'"{c}"' for c in self.cols)
        pk = ", ".join(f'"{c}"' for c in self.pk)
        return f'CREATE TABLE "{schema}"."{self.name}" ({cols}, PRIMARY KEY ({pk}))'


_SPAN = ("start", "end", "quote", "prefix", "suffix", "placement", "placement_score",
         "original_quote")  # fmt: skip
_ADJ = ("adjudicated_status", "adjudicated_by", "adjudicated_at", "adjudication_note")

TABLES: tuple[Table, ...] = (
    Table(
        "articles", ("gid",),
        ("gid", "title", "outlet", "url", "author", "published", "text", "content_hash"),
        "SELECT gid, title, outlet, url, author, published, text, content_hash FROM articles "
        "WHERE gid IS NOT NULL",
        groups=(("text", "content_hash"),), group_names={"text": "text"},
    ),
    Table(
        "tags", ("gid",), ("gid", "name", "color"),
        "SELECT gid, name, color FROM tags WHERE gid IS NOT NULL",
        soft={"color": "local"},
    ),
    Table(
        "claims", ("gid",),
        ("gid", "article_gid", *_SPAN, "status", "note", "created_by", "created_at", *_ADJ,
         "claimant", "claimed_at"),
        "SELECT c.gid, a.gid, c.start, c.\"end\", c.quote, c.prefix, c.suffix, c.placement, "
        "c.placement_score, c.original_quote, c.status, c.note, c.created_by, c.created_at, "
        "c.adjudicated_status, c.adjudicated_by, c.adjudicated_at, c.adjudication_note, "
        "c.claimant, c.claimed_at "
        "FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.gid IS NOT NULL",
        groups=(_SPAN, _ADJ), group_names={"start": "span", "adjudicated_status": "adjudication"},
    ),
    Table(
        "evidence", ("gid",),
        ("gid", "claim_gid", "kind", "relation", "target_claim_gid", "url", "title", "quote",
         "accessed", "note", "reviewer", "created_at"),
        "SELECT e.gid, c.gid, e.kind, e.relation, t.gid, e.url, e.title, e.quote, e.accessed, "
        "e.note, e.reviewer, e.created_at FROM evidence e JOIN claims c ON c.id = e.claim_id "
        "LEFT JOIN claims t ON t.id = e.target_claim_id WHERE e.gid IS NOT NULL",
    ),
    Table(
        "claim_tags", ("claim_gid", "tag_gid"), ("claim_gid", "tag_gid"),
        "SELECT c.gid, t.gid FROM claim_tags ct JOIN claims c ON c.id = ct.claim_id "
        "JOIN tags t ON t.id = ct.tag_id",
    ),
    Table(
        "verdicts", ("claim_gid", "reviewer"),
        ("claim_gid", "reviewer", "status", "note", "updated_at"),
        "SELECT c.gid, v.reviewer, v.status, v.note, v.updated_at FROM reviewer_verdicts v "
        "JOIN claims c ON c.id = v.claim_id",
        soft={"updated_at": "max"},
    ),
)  # fmt: skip
BY_NAME = {t.name: t for t in TABLES}


def create_schema(con: apsw.Connection, schema: str = "main") -> None:
    for t in TABLES:
        con.execute(t.ddl(schema))


def empty_image() -> apsw.Connection:
    con = apsw.Connection(":memory:")
    create_schema(con)
    return con


def build_image(db: Database) -> apsw.Connection:
    """The project's shared state now, as a fresh in-memory database.

    The project file is only read here, through the project's own connection: apsw links
    its own copy of SQLite, and two copies of SQLite holding the same file open in one
    process can break each other's POSIX locks (sqlite.org, "How To Corrupt", 2.2.1)."""
    con = empty_image()
    with con:
        for t in TABLES:
            marks = ",".join("?" * len(t.cols))
            rows = db.execute(t.select).fetchall()
            con.executemany(f'INSERT INTO "{t.name}" VALUES ({marks})', rows)
    return con


def load_image(blob: bytes | None) -> apsw.Connection:
    """An image from a serialized snapshot (an empty one for None)."""
    if not blob:
        return empty_image()
    con = apsw.Connection(":memory:")
    con.deserialize("main", blob)
    return con
