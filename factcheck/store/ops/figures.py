"""The reviewer's edits of facts: rename, merge, split, move a figure, dismiss a figure,
and marking a fact's figures as linked claims.

Each edit is stored in ``fact_edits``/``figure_edits`` (never only in the caches), so
it survives the recomputation that follows an import or a text change; each writes an
audit row and returns a :class:`Change` naming the facts touched. Undo is the inverse
edit: :func:`unrename_fact`, :func:`unmerge_fact`, :func:`reset_figure`.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from factcheck.core.figures import Conflict, FactFigure
from factcheck.core.model import Relation, Status
from factcheck.core.quotes import context
from factcheck.errors import InvalidInput, NotFound
from factcheck.store import figure_cache, queries
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, ClaimSpec, _audit, now
from factcheck.store.ops.claims import mark_claims
from factcheck.store.ops.evidence import link_claims


def update_figures(
    db: Database, article_ids: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Change:  # fmt: skip
    """Find the figures of the articles queued since they were imported or their text
    changed (all of them, or those of ``article_ids``), and bring the facts up to date.
    Derived data only: no audit row. Readers of figures call this first; it costs
    nothing when the queue is empty."""
    facts, articles = figure_cache.catch_up(db, article_ids, progress=progress)
    return Change("find figures", article_ids=frozenset(articles), facts=frozenset(facts),
                  figures=bool(articles))  # fmt: skip


def _fact_change(action: str, keys: set[str], article_ids: set[int] | None = None) -> Change:
    return Change(action, article_ids=frozenset(article_ids or ()), facts=frozenset(keys))


def rename_fact(db: Database, fact: str | int, name: str, reviewer: str) -> Change:
    """Give a fact the reviewer's name (shown everywhere instead of the automatic one)."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("a fact needs a name")
    with db.atomic():
        key = queries.resolve_fact(db, fact)
        old = queries.get_fact(db, key).label
        db.execute(
            "INSERT INTO fact_edits (kind, fact_key, value, reviewer, created_at) "
            "VALUES ('rename', ?, ?, ?, ?) ON CONFLICT(kind, fact_key) DO UPDATE SET "
            "value = excluded.value, reviewer = excluded.reviewer, "
            "created_at = excluded.created_at",
            (key, name, reviewer, now()),
        )
        _audit(db, "rename fact", reviewer, field_name=key, old=old, new=name)
    return _fact_change("rename fact", {key})


def unrename_fact(db: Database, fact: str | int, reviewer: str, previous: str = "") -> Change:
    """Drop the reviewer's name (or put ``previous`` back): the undo of a rename."""
    if previous:
        return rename_fact(db, fact, previous, reviewer)
    with db.atomic():
        key = queries.resolve_fact(db, fact)
        db.execute("DELETE FROM fact_edits WHERE kind = 'rename' AND fact_key = ?", (key,))
        _audit(db, "unrename fact", reviewer, field_name=key)
    return _fact_change("unrename fact", {key})


def _rekey(
    db: Database, figure_ids: list[int] | None = None, keys: set[str] | None = None
) -> set[str]:
    """Recompute the fact key of figures (by id, or all of the given facts) after an
    edit; returns every fact touched."""
    merges = figure_cache.load_merges(db)
    touched: set[str] = set()
    where, params = (
        ("fact_key IN ({})".format(",".join("?" * len(keys))), list(keys))
        if keys
        else ("id IN ({})".format(",".join("?" * len(figure_ids or []))), figure_ids or [])
    )
    rows = db.execute(
        f"SELECT f.id, f.article_id, f.start, f.text, f.prefix, f.auto_key, f.fact_key, "
        f"e.action, e.fact_key FROM figures f LEFT JOIN figure_edits e ON e.article_id = "
        f"f.article_id AND e.start = f.start AND e.text = f.text WHERE f.{where}", params,
    ).fetchall() if params else []  # fmt: skip
    for fid, _aid, _s, _t, _p, auto, old, action, target in rows:
        edit = {"action": action, "fact_key": target} if action else None
        key = figure_cache.effective_key(auto, edit, merges)
        if key != old:
            db.execute("UPDATE figures SET fact_key = ?, edited = ? WHERE id = ?",
                       (key, action or "", fid))  # fmt: skip
        touched |= {old, key} - {""}
    figure_cache.rebuild_facts(db, touched)
    return touched


def merge_facts(db: Database, fact: str | int, into: str | int, reviewer: str) -> Change:
    """Put every figure of ``fact`` into ``into``; later figures of ``fact`` follow."""
    with db.atomic():
        key, target = queries.resolve_fact(db, fact), queries.resolve_fact(db, into)
        if key == target:
            raise InvalidInput("a fact cannot be merged into itself")
        if figure_cache.resolve(target, {**figure_cache.load_merges(db), key: target}) != target:
            raise InvalidInput("that merge would go round in a circle")
        db.execute(
            "INSERT INTO fact_edits (kind, fact_key, value, reviewer, created_at) "
            "VALUES ('merge', ?, ?, ?, ?) ON CONFLICT(kind, fact_key) DO UPDATE SET "
            "value = excluded.value",
            (key, target, reviewer, now()),
        )
        touched = _rekey(db, keys={key}) | {key, target}
        _audit(db, "merge fact", reviewer, field_name=key, new=target)
    return _fact_change("merge fact", touched)


def unmerge_fact(db: Database, key: str, reviewer: str) -> Change:
    """Undo :func:`merge_facts`: the figures go back to the fact named ``key``."""
    with db.atomic():
        row = db.execute("SELECT value FROM fact_edits WHERE kind = 'merge' AND fact_key = ?",
                         (key,)).fetchone()  # fmt: skip
        if row is None:
            raise NotFound(f"fact {key!r} is not merged into another")
        db.execute("DELETE FROM fact_edits WHERE kind = 'merge' AND fact_key = ?", (key,))
        ids = [r[0] for r in db.execute("SELECT id FROM figures WHERE auto_key = ? OR "
                                        "fact_key = ?", (key, row[0]))]  # fmt: skip
        touched = _rekey(db, figure_ids=ids) | {key, str(row[0])}
        _audit(db, "unmerge fact", reviewer, field_name=key, old=row[0])
    return _fact_change("unmerge fact", touched)


def _set_figure_edit(
    db: Database, figure_id: int, action: str, target: str, reviewer: str
) -> Change:
    fig = queries.get_figure(db, figure_id)
    text = db.execute("SELECT text FROM articles WHERE id = ?", (fig.article_id,)).fetchone()[0]
    prefix = context(text, fig.figure.start, fig.figure.end)[0]
    db.execute(
        "INSERT INTO figure_edits (article_id, start, text, prefix, action, fact_key, reviewer, "
        "created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(article_id, start, text) DO UPDATE "
        "SET action = excluded.action, fact_key = excluded.fact_key, prefix = excluded.prefix",
        (fig.article_id, fig.figure.start, fig.figure.text, prefix, action, target, reviewer,
         now()),
    )  # fmt: skip
    touched = _rekey(db, figure_ids=[figure_id])
    _audit(db, f"{action} figure", reviewer, article_id=fig.article_id, field_name="figure",
           old={"id": figure_id, "fact": fig.fact_key, "text": fig.figure.text},
           new=target)  # fmt: skip
    return _fact_change(f"{action} figure", touched | ({target} - {""}), {fig.article_id})


def move_figure(db: Database, figure_id: int, to_fact: str | int, reviewer: str) -> Change:
    """Make a figure part of another fact."""
    with db.atomic():
        return _set_figure_edit(db, figure_id, "move", queries.resolve_fact(db, to_fact),
                                reviewer)  # fmt: skip


def dismiss_figure(db: Database, figure_id: int, reviewer: str) -> Change:
    """Take a figure out of its fact (it is not about that fact)."""
    with db.atomic():
        return _set_figure_edit(db, figure_id, "dismiss", "", reviewer)


def reset_figure(db: Database, figure_id: int, reviewer: str) -> Change:
    """Undo a move or dismissal: the figure goes back to its automatic fact."""
    with db.atomic():
        fig = queries.get_figure(db, figure_id)
        db.execute("DELETE FROM figure_edits WHERE article_id = ? AND start = ? AND text = ?",
                   (fig.article_id, fig.figure.start, fig.figure.text))  # fmt: skip
        touched = _rekey(db, figure_ids=[figure_id])
        _audit(db, "reset figure", reviewer, article_id=fig.article_id, field_name="figure",
               old={"id": figure_id, "fact": fig.fact_key, "edited": fig.edited})  # fmt: skip
    return _fact_change("reset figure", touched, {fig.article_id})


def split_fact(
    db: Database, fact: str | int, figure_ids: list[int], name: str, reviewer: str
) -> Change:
    """Move the given figures of a fact into a new fact named ``name``; the new fact's
    key is in ``Change.facts`` (and its number in ``created_id``)."""
    if not figure_ids:
        raise InvalidInput("name the figures to split off")
    if not name.strip():
        raise InvalidInput("the new fact needs a name")
    with db.atomic():
        key = queries.resolve_fact(db, fact)
        n = db.execute("SELECT count(*) FROM fact_edits").fetchone()[0] + 1
        measure = key.split("|", 1)[1] if "|" in key else ""
        new_key = f"split {n}: {key.split('|', 1)[0]}|{measure}"
        for fid in figure_ids:
            if queries.get_figure(db, fid).fact_key != key:
                raise InvalidInput(f"figure {fid} is not part of fact {fact}")
        for fid in figure_ids:
            fig = queries.get_figure(db, fid)
            text = db.execute("SELECT text FROM articles WHERE id = ?",
                              (fig.article_id,)).fetchone()[0]  # fmt: skip
            db.execute(
                "INSERT INTO figure_edits (article_id, start, text, prefix, action, fact_key, "
                "reviewer, created_at) VALUES (?,?,?,?,'move',?,?,?) ON CONFLICT(article_id, "
                "start, text) DO UPDATE SET action = 'move', fact_key = excluded.fact_key",
                (fig.article_id, fig.figure.start, fig.figure.text,
                 context(text, fig.figure.start, fig.figure.end)[0], new_key, reviewer, now()),
            )  # fmt: skip
        touched = _rekey(db, figure_ids=figure_ids) | {key, new_key}
        db.execute(
            "INSERT INTO fact_edits (kind, fact_key, value, reviewer, created_at) "
            "VALUES ('rename', ?, ?, ?, ?) ON CONFLICT(kind, fact_key) DO UPDATE SET "
            "value = excluded.value",
            (new_key, " ".join(name.split()), reviewer, now()),
        )
        _audit(db, "split fact", reviewer, field_name=key,
               new={"fact": new_key, "figures": sorted(figure_ids)})  # fmt: skip
        created = db.execute("SELECT id FROM facts WHERE key = ?", (new_key,)).fetchone()
    return Change("split fact", facts=frozenset(touched),
                  created_id=int(created[0]) if created else None)  # fmt: skip


def _relation(pair: tuple[FactFigure, FactFigure], conflicts: dict[frozenset[int], Conflict]
              ) -> tuple[Relation, str]:  # fmt: skip
    a, b = pair
    c = conflicts.get(frozenset({a.id, b.id}))
    if c is not None:
        return Relation.CONTRADICTS, c.reason
    if (a.low, a.high, a.low_open, a.high_open) == (b.low, b.high, b.low_open, b.high_open):
        return Relation.SAME_AS, f"same figure: {a.range_text} in both"
    return Relation.CORROBORATES, f"consistent: {a.range_text} and {b.range_text} overlap"


def mark_fact_claims(db: Database, fact: str | int, reviewer: str, *, tag: str = "figures"
                     ) -> Change:  # fmt: skip
    """Mark each figure of a fact as a claim (reusing a claim already on the same span)
    and link the figures of different articles: *contradicts* for each conflicting pair,
    *same-as* for equal figures, *corroborates* otherwise; the reason goes in the link's
    note. A claim in a conflict is set to contradicted if it was unverified."""
    with db.atomic():
        detail = queries.fact_detail(db, fact)
        figs = list(detail.figures)
        if not figs:
            raise InvalidInput(f"fact {fact} has no figures")
        if len(figs) > 200:
            raise InvalidInput(f"fact {fact} has {len(figs)} figures; split it before marking")
        conflicts = {frozenset({c.first.id, c.second.id}): c for c in detail.judgement.conflicts}
        in_conflict = {f for c in detail.judgement.conflicts for f in (c.first.id, c.second.id)}
        claim_of: dict[int, int] = {f.id: f.claim_id for f in figs if f.claim_id is not None}
        specs = [ClaimSpec(f.article_id, f.start, f.end,
                           Status.CONTRADICTED if f.id in in_conflict else Status.UNVERIFIED,
                           (tag,) if tag else (), f"figure of fact: {detail.row.label}")
                 for f in figs if f.id not in claim_of]  # fmt: skip
        if specs:
            made = mark_claims(db, specs, reviewer)
            created = sorted(made.claim_ids)
            for spec, cid in zip([f for f in figs if f.id not in claim_of], created, strict=True):
                claim_of[spec.id] = cid
        claims = set(claim_of.values())
        existing = {frozenset(r) for r in db.execute(
            "SELECT claim_id, target_claim_id FROM evidence WHERE kind = 'claim'")}  # fmt: skip
        for a, b in combinations(figs, 2):
            if a.article_id == b.article_id:
                continue
            ca, cb = claim_of[a.id], claim_of[b.id]
            if ca == cb or frozenset({ca, cb}) in existing:
                continue
            relation, note = _relation((a, b), conflicts)
            link_claims(db, ca, cb, relation, reviewer, note=note)
            existing.add(frozenset({ca, cb}))
        _audit(db, "mark fact claims", reviewer, field_name=detail.row.key,
               new={"claims": sorted(claims)})  # fmt: skip
    return Change("mark fact claims", article_ids=frozenset(f.article_id for f in figs),
                  claim_ids=frozenset(claims), tags=bool(tag), article_list=True,
                  facts=frozenset({detail.row.key}))  # fmt: skip
