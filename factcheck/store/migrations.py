"""The project file's schema, as an ordered list of migrations.

Every schema change is a new function appended here, never an edit of an old one: a
project file written by any earlier version is brought up to date when it is opened.
Each migration runs in one transaction together with its record in
``_sqlite_migrations`` (sqlite-utils ``Migrations``).

Statements are issued one at a time through ``db.execute`` because ``executescript``
would commit the migration's transaction half-way.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from factcheck.core import ids

MIGRATION_SET = "factcheck"
migrations = Migrations(MIGRATION_SET)

_STATUS_CHECK = "status IN ('unverified','corroborated','contradicted','inconclusive')"


def _run(db: Database, *statements: str) -> None:
    for sql in statements:
        db.execute(sql)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    _run(
        db,
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            outlet TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            source_path TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        )""",
        "CREATE INDEX idx_articles_content_hash ON articles(content_hash)",
        "CREATE INDEX idx_articles_url ON articles(url) WHERE url != ''",
        f"""CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'unverified' CHECK ({_STATUS_CHECK}),
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX idx_claims_article_start ON claims(article_id, start)",
        "CREATE INDEX idx_claims_status ON claims(status)",
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) != ''),
            color TEXT NOT NULL
        )""",
        """CREATE TABLE claim_tags (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (claim_id, tag_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_claim_tags_tag ON claim_tags(tag_id)",
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('claim','source')),
            relation TEXT CHECK (relation IN ('corroborates','contradicts','same-as')),
            target_claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            accessed TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK ((kind = 'claim' AND target_claim_id IS NOT NULL AND relation IS NOT NULL
                    AND target_claim_id != claim_id)
                OR (kind = 'source' AND target_claim_id IS NULL AND url != ''))
        )""",
        "CREATE INDEX idx_evidence_claim ON evidence(claim_id)",
        "CREATE INDEX idx_evidence_target ON evidence(target_claim_id)",
        # The audit trail deliberately has no foreign keys: it outlives what it describes.
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            article_id INTEGER,
            claim_id INTEGER,
            field TEXT NOT NULL DEFAULT '',
            old TEXT NOT NULL DEFAULT '',
            new TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_history_claim ON history(claim_id)",
        "CREATE INDEX idx_history_article ON history(article_id)",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    )
    # Full-text search: external-content FTS5 tables kept current by triggers.
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")
    db.table("claims").enable_fts(["quote", "note"], create_triggers=True, tokenize="unicode61")


_PLACEMENT_CHECK = "placement IN ('exact','moved','fuzzy','orphaned')"


@migrations(name="0002_revisions")
def revisions(db: Database) -> None:
    """Article revisions, and how each claim was placed on the current one.

    ``article_revisions`` holds every version of every article's text, the current one
    included (the highest ``number``); ``articles.text``/``content_hash`` keep a copy of
    the current text so readers and full-text search are unchanged. Existing articles get
    revision 1 (their text as imported, by the reviewer the import audit row names) and
    existing claims the placement "exact". The claims' full-text trigger now fires only
    when a quote or note changes, not on every position update.
    """
    _run(
        db,
        """CREATE TABLE article_revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL CHECK (number >= 1),
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL CHECK (source IN ('import','edit','update-import')),
            source_path TEXT NOT NULL DEFAULT '',
            UNIQUE (article_id, number)
        )""",
        "CREATE INDEX idx_article_revisions_hash ON article_revisions(content_hash)",
        """INSERT INTO article_revisions
            (article_id, number, text, content_hash, created_at, reviewer, source, source_path)
        SELECT a.id, 1, a.text, a.content_hash, a.imported_at,
            coalesce((SELECT h.reviewer FROM history h
                      WHERE h.action = 'import article' AND h.article_id = a.id
                      ORDER BY h.id LIMIT 1), ''),
            'import', a.source_path
        FROM articles a ORDER BY a.id""",
        "ALTER TABLE claims ADD COLUMN placement TEXT NOT NULL DEFAULT 'exact' "
        f"CHECK ({_PLACEMENT_CHECK})",
        "ALTER TABLE claims ADD COLUMN placement_score REAL NOT NULL DEFAULT 1.0 "
        "CHECK (placement_score >= 0 AND placement_score <= 1)",
        "ALTER TABLE claims ADD COLUMN original_quote TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX idx_claims_review ON claims(article_id, start) "
        "WHERE placement IN ('fuzzy','orphaned')",
        # Re-anchoring rewrites the position of thousands of claims whose quote and note
        # stay the same; the full-text index only needs refreshing when those change.
        "DROP TRIGGER claims_au",
        """CREATE TRIGGER claims_au AFTER UPDATE OF quote, note ON claims BEGIN
            INSERT INTO claims_fts (claims_fts, rowid, quote, note)
                VALUES ('delete', old.rowid, old.quote, old.note);
            INSERT INTO claims_fts (rowid, quote, note) VALUES (new.rowid, new.quote, new.note);
        END""",
    )


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]


@migrations(name="0003_claim_status_index")
def claim_status_index(db: Database) -> None:
    """Per-article counts by status (the article list, after every verdict) read the
    index alone instead of every claim row of the article."""
    _run(db, "CREATE INDEX idx_claims_article_status ON claims(article_id, status)")


@migrations(name="0004_retired_ids")
def retired_ids(db: Database) -> None:
    """Ids are never reused. SQLite's rowid allocator hands out max(id)+1, so deleting the
    newest claim and marking another gave the new claim the old id, and the audit history
    mixed the two. Each delete records the highest id retired per table; new rows take
    an id above both (``ops.base.next_id``). Undo puts a deleted row back under its own
    id, which is the same row, not a reuse."""
    _run(db, "CREATE TABLE retired_ids (tbl TEXT PRIMARY KEY, last INTEGER NOT NULL)")
    for table in ("articles", "claims", "evidence", "tags"):
        _run(
            db,
            f"""CREATE TRIGGER {table}_retire_id AFTER DELETE ON {table} BEGIN
                INSERT INTO retired_ids (tbl, last) VALUES ('{table}', old.id)
                ON CONFLICT(tbl) DO UPDATE SET last = max(last, excluded.last);
            END""",
        )


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
    _run(db, "DROP VIEW IF EXISTS claims_view", claims_view_sql(db))


@migrations(name="0011_claims_view")
def claims_view(db: Database) -> None:
    """``claims_view``: every claim with its article's title, verdict and tags as text,
    so the project file browses well in Datasette and sqlite-utils (see
    :func:`claims_view_sql`)."""
    refresh_claims_view(db)


@migrations(name="0006_figures")
def figures(db: Database) -> None:
    """The figures found in each article (a cache, rebuilt when an article's text
    changes), the facts they make up (a cache), and the reviewer's edits of facts
    (kept: they are re-applied whenever the caches are rebuilt).

    ``figure_edits`` name a figure by article, position, text and the 32 code points
    before it, so an edit finds its figure again after the text changes around it.
    ``fact_edits`` rename a fact (``kind`` 'rename', ``value`` the name) or merge it into
    another (``kind`` 'merge', ``value`` the other fact's key).
    """
    _run(
        db,
        """CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            num_start INTEGER NOT NULL,
            num_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            value REAL,
            low REAL,
            high REAL,
            low_open INTEGER NOT NULL DEFAULT 0,
            high_open INTEGER NOT NULL DEFAULT 0,
            hedge TEXT NOT NULL DEFAULT '',
            hedge_kind TEXT NOT NULL DEFAULT 'exact',
            date TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            unit_class TEXT NOT NULL DEFAULT '',
            predicate TEXT NOT NULL DEFAULT '',
            predicate_class TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            subject_key TEXT NOT NULL DEFAULT '',
            subject_name TEXT NOT NULL DEFAULT '',
            time_text TEXT NOT NULL DEFAULT '',
            as_of TEXT NOT NULL DEFAULT '',
            since TEXT NOT NULL DEFAULT '',
            to_date INTEGER NOT NULL DEFAULT 0,
            attribution TEXT NOT NULL DEFAULT '',
            auto_key TEXT NOT NULL DEFAULT '',
            fact_key TEXT NOT NULL DEFAULT '',
            edited TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_figures_article ON figures(article_id, start)",
        "CREATE INDEX idx_figures_fact ON figures(fact_key, article_id) WHERE fact_key != ''",
        "CREATE INDEX idx_figures_subject ON figures(subject_key) WHERE measure != ''",
        """CREATE TABLE figure_aliases (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL
        )""",
        "CREATE INDEX idx_figure_aliases_article ON figure_aliases(article_id)",
        """CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            figures INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            conflicts INTEGER NOT NULL,
            summary TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE figure_edits (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            text TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL CHECK (action IN ('move','dismiss')),
            fact_key TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (article_id, start, text)
        )""",
        """CREATE TABLE fact_edits (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('rename','merge')),
            fact_key TEXT NOT NULL,
            value TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (kind, fact_key)
        )""",
    )


@migrations(name="0008_claimants_suggestions")
def claimants_suggestions(db: Database) -> None:
    """Who made each claim (the claimant: a person or organisation, often not the
    article's author) and when, and the suggested sentences a reviewer rejected (kept
    by their text, so a rejection survives edits elsewhere in the article)."""
    _run(
        db,
        "ALTER TABLE claims ADD COLUMN claimant TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN claimed_at TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE suggestion_rejections (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            PRIMARY KEY (article_id, sentence)
        )""",
        "CREATE INDEX idx_claims_claimant ON claims(claimant) WHERE claimant != ''",
    )
    refresh_claims_view(db)


# A version-4 UUID as text, for rows inserted by something other than the operations layer
# (which always names its rows itself).
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)
GID_TABLES = ("articles", "claims", "tags", "evidence")


@migrations(name="0007_global_ids")
def global_ids(db: Database) -> None:
    """A global id (``gid``, UUID text) on every article, claim, tag and evidence row,
    unique, filled for existing rows; see :mod:`factcheck.core.ids` for how each kind is
    named. A trigger names a row inserted without one."""
    for table in GID_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
    taken: set[str] = set()

    def fill(table: str, rows: list[tuple[int, str]]) -> None:
        values = []
        for row_id, wanted in rows:
            gid = wanted if wanted not in taken else ids.new_gid()
            taken.add(gid)
            values.append((gid, row_id))
        db.conn.executemany(f"UPDATE {table} SET gid = ? WHERE id = ?", values)

    first_hash = db.execute(
        "SELECT a.id, coalesce((SELECT r.content_hash FROM article_revisions r "
        "WHERE r.article_id = a.id ORDER BY r.number LIMIT 1), a.content_hash) "
        "FROM articles a ORDER BY a.id"
    ).fetchall()
    fill("articles", [(i, ids.article_gid(h)) for i, h in first_hash])
    names = db.execute("SELECT id, name FROM tags ORDER BY id").fetchall()
    fill("tags", [(i, ids.tag_gid(n)) for i, n in names])
    for table in ("claims", "evidence"):
        rows = db.execute(f"SELECT id FROM {table} ORDER BY id").fetchall()
        fill(table, [(r[0], ids.new_gid()) for r in rows])
    for table in GID_TABLES:
        _run(
            db,
            f"CREATE UNIQUE INDEX idx_{table}_gid ON {table}(gid)",
            f"""CREATE TRIGGER {table}_gid AFTER INSERT ON {table} WHEN new.gid IS NULL BEGIN
                UPDATE {table} SET gid = {_SQL_UUID4} WHERE rowid = new.rowid;
            END""",
        )


@migrations(name="0007b_reviewer_verdicts")
def reviewer_verdicts(db: Database) -> None:
    """Each reviewer's own verdict (and note) on a claim, kept side by side; the claim's
    ``status`` stays the verdict in effect, and an adjudication (who settled it, when,
    why) is recorded on the claim. ``created_by`` names who marked the claim (its span),
    which span agreement needs. Existing judged claims give their reviewer's verdict."""
    _run(
        db,
        f"""CREATE TABLE reviewer_verdicts (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            status TEXT NOT NULL CHECK ({_STATUS_CHECK}),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, reviewer)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_reviewer_verdicts_reviewer ON reviewer_verdicts(reviewer)",
        """INSERT INTO reviewer_verdicts (claim_id, reviewer, status, note, updated_at)
            SELECT id, reviewer, status, '', updated_at FROM claims
            WHERE status != 'unverified'""",
        "ALTER TABLE claims ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
        """UPDATE claims SET created_by = coalesce(
            (SELECT h.reviewer FROM history h WHERE h.action = 'mark claim'
             AND h.claim_id = claims.id ORDER BY h.id LIMIT 1), reviewer)""",
        "ALTER TABLE claims ADD COLUMN adjudicated_status TEXT NOT NULL DEFAULT '' "
        f"CHECK (adjudicated_status = '' OR adjudicated_{_STATUS_CHECK})",
        "ALTER TABLE claims ADD COLUMN adjudicated_by TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN adjudicated_at TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN adjudication_note TEXT NOT NULL DEFAULT ''",
    )


@migrations(name="0007c_sync")
def sync_tables(db: Database) -> None:
    """What sharing a project through changeset files needs: the files already exported
    or applied (each applied once), the snapshot of the state last synced (the changes
    since are what the next export writes), and the queue of conflicts for adjudication
    (nothing a sync could not merge is dropped: both sides' values are kept here)."""
    _run(
        db,
        """CREATE TABLE sync_files (
            name TEXT PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('export','pull')),
            reviewer TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            changes INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value BLOB
        )""",
        """CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY,
            detected_at TEXT NOT NULL,
            source TEXT NOT NULL,
            from_reviewer TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            claim_gid TEXT NOT NULL DEFAULT '',
            field TEXT NOT NULL DEFAULT '',
            local TEXT NOT NULL DEFAULT 'null',
            incoming TEXT NOT NULL DEFAULT 'null',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
            resolved_by TEXT NOT NULL DEFAULT '',
            resolved_at TEXT NOT NULL DEFAULT '',
            resolution TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_sync_conflicts_claim ON sync_conflicts(claim_gid, status)",
    )

@migrations(name="0007d_articles_fts_update")
def articles_fts_update(db: Database) -> None:
    """The articles' full-text trigger fires only when the title or text changes.

    It fired on any update, and the trigger naming an article inserted without a global
    id (0007_global_ids) updates the row right after its insert, possibly before the
    full-text insert trigger has run: the index was then told to delete an entry it did
    not have yet, which damages an external-content FTS5 index. Metadata edits no longer
    rewrite the index either. The index is rebuilt once, in case such a row was written.
    """
    _run(
        db,
        "DROP TRIGGER IF EXISTS articles_au",
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    )


@migrations(name="0009_language")
def language(db: Database) -> None:
    """Each article's language (BCP 47 tag, "" unknown) and its paragraphs' base
    direction ("auto": each paragraph's first strong letter decides, as before; "ltr";
    "rtl"). Existing articles get what detection finds in their text."""
    from factcheck.core.language import detect  # its model loads only when needed

    _run(
        db,
        "ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN direction TEXT NOT NULL DEFAULT 'auto' "
        "CHECK (direction IN ('auto','ltr','rtl'))",
    )
    rows = db.execute("SELECT id, text FROM articles").fetchall()
    for article_id, text in rows:
        lang, direction = detect(text)
        db.execute("UPDATE articles SET language = ?, direction = ? WHERE id = ?",
                   (lang, direction, article_id))  # fmt: skip
    refresh_claims_view(db)  # the view shows the language once the column exists


@migrations(name="0009b_search_normalised")
def search_normalised(db: Database) -> None:
    """Search that finds a word however it is written (see
    :mod:`factcheck.core.search_text`): contentless FTS5 tables over the folded title and
    text of articles and quote and note of claims, kept current by triggers calling
    ``fc_search_text``; built here for the rows already there. The older ``*_fts``
    tables stay: they give snippets when the query matches the text as stored."""
    from factcheck.store.search_index import FUNCTION, register

    register(db.conn)
    f = FUNCTION
    statements = []
    for table, key, cols in (("articles", "id", ("title", "text")),
                             ("claims", "id", ("quote", "note"))):  # fmt: skip
        search = f"{table}_search"
        names = ", ".join(cols)
        new = ", ".join(f"{f}(new.{c})" for c in cols)
        old = ", ".join(f"{f}(old.{c})" for c in cols)
        delete = (f"INSERT INTO {search} ({search}, rowid, {names}) "
                  f"VALUES ('delete', old.{key}, {old});")  # fmt: skip
        insert = f"INSERT INTO {search} (rowid, {names}) VALUES (new.{key}, {new});"
        statements += [
            f"CREATE VIRTUAL TABLE {search} USING fts5({names}, content='', "
            "tokenize='unicode61 remove_diacritics 2')",
            f"INSERT INTO {search} (rowid, {names}) SELECT {key}, "
            + ", ".join(f"{f}({c})" for c in cols) + f" FROM {table}",
            f"CREATE TRIGGER {search}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER {search}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER {search}_au AFTER UPDATE OF {names} ON {table} "
            f"BEGIN {delete} {insert} END",
        ]
    _run(db, *statements)


@migrations(name="0006b_figure_queue")
def figure_queue(db: Database) -> None:
    """Articles whose figures are to be found again (new, or their text changed).

    Finding figures costs far more than storing an article, so imports and new revisions
    only queue the article; the figures are brought up to date when they are next read
    (the figures board, ``factcheck figures``/``facts``, the report)."""
    _run(
        db,
        """CREATE TABLE figure_queue (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
        )""",
    )


@migrations(name="0010_review_day")
def review_day(db: Database) -> None:
    """Each tag gets a description: the codebook's definition of when to use it."""
    _run(db, "ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT ''")


@migrations(name="0012_text_once")
def text_once(db: Database) -> None:
    """Each article's current text is stored once, in ``articles.text`` (which full-text
    search indexes): its current revision row holds no copy (``text_in_article`` = 1)
    and is read through the article. Earlier revisions keep their own text, and a new
    revision moves the text it replaces into the row of the revision it ends. Existing
    files are converted in place (the space comes back with VACUUM)."""
    _run(
        db,
        "ALTER TABLE article_revisions ADD COLUMN text_in_article INTEGER NOT NULL DEFAULT 0 "
        "CHECK (text_in_article IN (0, 1))",
        """UPDATE article_revisions SET text = '', text_in_article = 1
        WHERE number = (SELECT max(r.number) FROM article_revisions r
                        WHERE r.article_id = article_revisions.article_id)
          AND content_hash = (SELECT a.content_hash FROM articles a
                              WHERE a.id = article_revisions.article_id)
          AND text = (SELECT a.text FROM articles a WHERE a.id = article_revisions.article_id)""",
    )


@migrations(name="0013_board")
def board(db: Database) -> None:
    """What the figures board shows without judging a fact again, kept with the other
    derived figure data and filled when the facts are next computed: ``figures.conflict``
    (1 when the figure is in a conflicting pair of its fact), ``figures.step`` (how it
    stands against the figure before it in the fact's timeline: first, rising, falling,
    level or undated) and ``figures.place`` (its position in that timeline);
    ``facts.article_ids`` (the articles that give the fact, as little-endian 64-bit
    integers: the board's columns). An index of the articles by date gives the
    columns' order without reading article texts."""
    _run(
        db,
        "ALTER TABLE figures ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE figures ADD COLUMN step TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE figures ADD COLUMN place INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX idx_figures_place ON figures(fact_key, place) WHERE fact_key != ''",
        "ALTER TABLE facts ADD COLUMN article_ids BLOB NOT NULL DEFAULT x''",
        "CREATE INDEX idx_articles_board ON articles(published, id)",
    )
