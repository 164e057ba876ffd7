"""Keeping the figures and facts caches current.

The operations that change an article's text (import, new revision) only *queue* the
article (``figure_queue``: finding figures costs far more than storing text); its
figures are found by :func:`catch_up`, run through :func:`factcheck.store.ops.
update_figures` before anything reads them. A date edit re-judges the article's facts
at once (no finding needed).

The caches are derived data: ``figures`` (each article's figure mentions),
``figure_aliases`` (the names each article says are one thing) and ``facts`` (one row
per fact with its judgement). The reviewer's edits live elsewhere (``figure_edits``,
``fact_edits``) and are applied every time the caches are rebuilt, so they survive.

Cost: finding the figures of one article, plus one query per touched fact. Aliases are
project-wide; when an article adds or removes an alias, only the figures whose subject
is in a changed group of names are re-keyed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from factcheck.core.figures import (
    Aliases,
    ArticleFigures,
    Figure,
    conflicting_ids,
    default_label,
    fact_key,
    judge,
    measure_kind,
    read_article,
    regroup,
    steps,
    timeline,
)
from factcheck.core.figures.lexicon import LEXICONS
from factcheck.core.quotes import context
from factcheck.store.database import Database
from factcheck.store.figure_queue import FIGURES_VERSION as FIGURES_VERSION
from factcheck.store.figure_queue import is_current as is_current
from factcheck.store.figure_queue import is_pending as is_pending
from factcheck.store.figure_queue import pending as pending
from factcheck.store.figure_queue import queue as queue
from factcheck.store.figure_queue import refresh_all as refresh_all
from factcheck.store.queries._sql import in_chunks
from factcheck.store.queries.figures import fact_figures, id_blob

_FIGURE_COLS = ("article_id", "start", "end", "num_start", "num_end", "text", "prefix", "kind",
                "value", "low", "high", "low_open", "high_open", "hedge", "hedge_kind", "date",
                "unit", "unit_class", "predicate", "predicate_class", "measure", "subject",
                "subject_key", "subject_name", "time_text", "as_of", "since", "to_date",
                "attribution", "auto_key", "fact_key", "edited")  # fmt: skip
_INSERT = (f"INSERT INTO figures ({', '.join(repr(c) if c == 'end' else c for c in _FIGURE_COLS)})"
           f" VALUES ({', '.join('?' * len(_FIGURE_COLS))})").replace("'end'", '"end"')


def load_aliases(db: Database) -> Aliases:
    return Aliases(db.execute("SELECT a, b FROM figure_aliases").fetchall())


def load_merges(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT fact_key, value FROM fact_edits WHERE kind = 'merge'"))


def resolve(key: str, merges: dict[str, str]) -> str:
    """Follow merges from ``key`` to the fact it now belongs to (cycles stop)."""
    seen = {key}
    while key in merges:
        key = merges[key]
        if key in seen:
            break
        seen.add(key)
    return key


def _edits_by_article(db: Database, article_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk, marks in in_chunks(list(article_ids)):
        cur = db.execute(
            "SELECT id, article_id, start, text, prefix, action, fact_key FROM figure_edits "
            f"WHERE article_id IN ({marks})", chunk)  # fmt: skip
        cols = [d[0] for d in cur.description]
        for row in cur.fetchall():
            edit = dict(zip(cols, row, strict=True))
            found[edit["article_id"]].append(edit)
    return found


def _match_edits(
    figs: list[tuple[Figure, str]], edits: list[dict[str, Any]]
) -> dict[int, dict[str, Any]]:
    """Figure index -> its edit: same text and context first, else same text nearest."""
    matched: dict[int, dict[str, Any]] = {}
    for edit in edits:
        best: tuple[int, int] | None = None
        for i, (fig, prefix) in enumerate(figs):
            if fig.text != edit["text"] or i in matched:
                continue
            score = 0 if prefix == edit["prefix"] else 1 + abs(fig.start - edit["start"])
            if best is None or score < best[0]:
                best = (score, i)
        if best is not None:
            matched[best[1]] = edit
    return matched


def effective_key(auto: str, edit: dict[str, Any] | None, merges: dict[str, str]) -> str:
    if edit is not None:
        if edit["action"] == "dismiss":
            return ""
        auto = edit["fact_key"]
    return resolve(auto, merges) if auto else ""


def refresh_articles(db: Database, article_ids: Iterable[int],
                     read: Callable[[int], None] | None = None) -> set[str]:  # fmt: skip
    """Find the figures of these articles again and bring the facts up to date; returns
    the keys of the facts touched; ``read(n)`` is told after every 50 articles read.
    Call inside a transaction."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    touched: set[str] = set()
    old_pairs: list[tuple[str, str]] = []
    for chunk, marks in in_chunks(ids):
        touched.update(r[0] for r in db.execute(
            f"SELECT DISTINCT fact_key FROM figures WHERE article_id IN ({marks}) "
            "AND fact_key != ''", chunk))  # fmt: skip
        old_pairs += db.execute(
            f"SELECT a, b FROM figure_aliases WHERE article_id IN ({marks})", chunk).fetchall()
        db.execute(f"DELETE FROM figures WHERE article_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM figure_aliases WHERE article_id IN ({marks})", chunk)
    before = load_aliases(db)
    for a, b in old_pairs:
        before.join(a, b)
    readings = []
    new_pairs: list[tuple[int, str, str]] = []
    for chunk, marks in in_chunks(ids):
        for article_id, text, published, language in db.execute(
            f"SELECT id, text, published, language FROM articles WHERE id IN ({marks})", chunk
        ).fetchall():
            # the article's language (as declared or detected on import) when the finder
            # has word lists for it, else its own guess
            lang = language.split("-")[0].lower() if language else ""
            reading = read_article(text, published=published, lang=lang if lang in LEXICONS
                                   else None)  # fmt: skip
            readings.append((article_id, text, reading))
            new_pairs += [(article_id, a, b) for a, b in reading.aliases]
            if read is not None and len(readings) % 50 == 0:
                read(len(readings))
    db.conn.executemany("INSERT INTO figure_aliases (article_id, a, b) VALUES (?, ?, ?)",
                        new_pairs)  # fmt: skip
    after = load_aliases(db) if (new_pairs or old_pairs) else before
    merges = load_merges(db)
    edits = _edits_by_article(db, ids)
    candidates = _subject_candidates(db, after)
    rows: list[tuple[Any, ...]] = []
    for article_id, text, reading in readings:
        figs = [(_place_subject(f, reading, candidates, after), context(text, f.start, f.end)[0])
                for f in regroup(text, reading.figures)]  # fmt: skip
        matched = _match_edits(figs, edits.get(article_id, []))
        for i, (f, prefix) in enumerate(figs):
            auto = fact_key(f.subject_key, f.measure, after) if f.measure else ""
            edit = matched.get(i)
            key = effective_key(auto, edit, merges)
            if edit is not None and (edit["start"] != f.start or edit["prefix"] != prefix):
                db.execute("UPDATE figure_edits SET start = ?, prefix = ? WHERE id = ?",
                           (f.start, prefix, edit["id"]))  # fmt: skip
            if key:
                touched.add(key)
            rows.append((article_id, f.start, f.end, f.num_start, f.num_end, f.text, prefix,
                         f.kind, f.value, f.low, f.high, int(f.low_open), int(f.high_open),
                         f.hedge, f.hedge_kind, f.date, f.unit, f.unit_class, f.predicate,
                         f.predicate_class, f.measure, f.subject, f.subject_key, f.subject_name,
                         f.time_text, f.as_of, f.since, int(f.to_date), f.attribution, auto, key,
                         edit["action"] if edit else ""))  # fmt: skip
    db.conn.executemany(_INSERT, rows)
    if new_pairs or old_pairs:
        changed = {k for pair in [*old_pairs, *((a, b) for _i, a, b in new_pairs)] for k in pair}
        groups = {before.find(k) for k in changed} | {after.find(k) for k in changed}
        touched |= _rekey_subjects(db, groups, before, after, merges)
    rebuild_facts(db, touched)
    return touched


def _subject_candidates(db: Database, aliases: Aliases) -> dict[str, Counter[str]]:
    """measure -> the subjects (alias group representatives) its figures have, counted."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for subject, measure, n in db.execute(
        "SELECT subject_key, measure, count(*) FROM figures WHERE measure != '' "
        "GROUP BY subject_key, measure"
    ):
        found[measure][aliases.find(subject)] += n
    return found


def _contains(a: str, b: str) -> bool:
    """One name's words appear, in order, inside the other's ("valmera" in "séisme de
    valmera", "unity" in "unity party")."""
    short, long_ = sorted((a, b), key=len)
    return bool(short) and f" {short} " in f" {long_} "


def _place_subject(
    f: Figure, reading: ArticleFigures, candidates: dict[str, Counter[str]], aliases: Aliases
) -> Figure:
    """A figure whose sentence names no subject ("it has saved", "turnout was 64 %") is
    about its article's main subject; across articles that subject is often written
    differently ("Valmera" / "Séisme de Valmera"). So when the project already has
    figures of the same measure about a subject this article names (the same, an alias,
    or one name inside the other), the figure takes that subject; else its article's.
    The result is counted, so later figures in the batch find it."""
    if not f.measure:
        return f
    subject = f.subject_key
    known_any = candidates.get(f.measure)
    if not f.subject_implicit and subject and known_any and aliases.find(subject) not in known_any:
        # "Unity" here, "Unity Party" there: a name one word longer is the same subject
        for cand in known_any:
            short, long_ = sorted((aliases.find(subject), cand), key=len)
            if long_.startswith(short + " ") and " " not in long_[len(short) + 1 :]:
                subject = cand
                f = replace(f, subject_key=cand)
                break
    if f.subject_implicit and subject:
        known = candidates.get(f.measure)
        if known and aliases.find(subject) not in known:
            names = set(reading.name_scores)
            reps = {aliases.find(n) for n in names}
            best = None
            for cand, _n in known.most_common():
                if cand in reps or any(_contains(cand, name) for name in names):
                    best = cand
                    break
            if best is not None:
                subject = best
                f = replace(f, subject_key=best, subject_name=reading.names.get(best, best))
    candidates[f.measure][aliases.find(subject)] += 1
    return f


def _rekey_subjects(
    db: Database, groups: set[str], before: Aliases, after: Aliases, merges: dict[str, str]
) -> set[str]:
    """Give the figures whose subject is in one of ``groups`` their fact key under the
    current aliases; returns the old and new keys."""
    touched: set[str] = set()
    subjects = [r[0] for r in db.execute(
        "SELECT DISTINCT subject_key FROM figures WHERE measure != ''")
        if before.find(r[0]) in groups or after.find(r[0]) in groups]  # fmt: skip
    for chunk, marks in in_chunks(subjects):
        for fid, subject, measure, old_auto, old_key, edited in db.execute(
            "SELECT id, subject_key, measure, auto_key, fact_key, edited FROM figures "
            f"WHERE measure != '' AND subject_key IN ({marks})", chunk).fetchall():  # fmt: skip
            auto = fact_key(subject, measure, after)
            if auto == old_auto:
                continue
            key = old_key if edited else resolve(auto, merges)
            db.execute("UPDATE figures SET auto_key = ?, fact_key = ? WHERE id = ?",
                       (auto, key, fid))  # fmt: skip
            touched |= {old_key, key} - {""}
    return touched


def rebuild_facts(db: Database, keys: Iterable[str]) -> None:
    """Recompute the ``facts`` rows of these keys from their figures (deleting those
    left without figures)."""
    wanted = sorted(set(keys) - {""})
    if not wanted:
        return
    by_key = fact_figures(db, wanted)
    upserts: list[tuple[Any, ...]] = []
    marks: list[tuple[int, str, int, int]] = []  # what the board shows of each figure
    for key in wanted:
        items = by_key.get(key)
        if not items:
            db.execute("DELETE FROM facts WHERE key = ?", (key,))
            continue
        figs = [f for f, _name in items]
        names = Counter(name for _f, name in items if name)
        subject = names.most_common(1)[0][0] if names else ""
        measure = key.split("|", 1)[1] if "|" in key else ""
        kind = measure_kind(measure) if measure else "fixed"
        verdict = judge(figs, kind)
        conflicting = conflicting_ids(figs, kind)
        placed = steps(figs)
        dated, undated = timeline(figs)
        marks += [(int(f.id in conflicting), placed.get(f.id, ""), i, f.id)
                  for i, f in enumerate(dated + undated)]  # fmt: skip
        articles = id_blob(sorted({f.article_id for f in figs}))
        label = default_label(subject, measure) if measure else key
        upserts.append((key, label, subject, measure, kind, len(figs),
                        len({f.article_id for f in figs}), verdict.conflict_count,
                        verdict.summary, articles))  # fmt: skip
    db.conn.executemany(
        "INSERT INTO facts (key, label, subject, measure, kind, figures, articles, conflicts, "
        "summary, article_ids) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
        "label = excluded.label, subject = excluded.subject, measure = excluded.measure, "
        "kind = excluded.kind, figures = excluded.figures, articles = excluded.articles, "
        "conflicts = excluded.conflicts, summary = excluded.summary, "
        "article_ids = excluded.article_ids",
        upserts,
    )
    db.conn.executemany("UPDATE figures SET conflict = ?, step = ?, place = ? WHERE id = ?",
                        marks)  # fmt: skip


def _reporter(progress: Callable[[int, int], None], before: int, total: int,
              ) -> Callable[[int], None]:  # fmt: skip
    return lambda n: progress(before + n, total)


def catch_up(
    db: Database, article_ids: Sequence[int] | None = None, *, batch: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[set[str], set[int]]:  # fmt: skip
    """Find the figures of the queued articles (or of those of ``article_ids`` that are
    queued) a batch per transaction; returns the facts and articles touched.
    ``progress(done, total)`` is called as articles are read.

    The batches start at ``batch`` articles and double, up to 8 times that: each batch
    ends by judging every fact it touched again from all its figures, so equal batches
    would cost in all the square of the project's size (20 rebuilds of the facts for
    10,000 articles; doubling makes it 6)."""
    if article_ids is None:
        todo = [r[0] for r in db.execute("SELECT article_id FROM figure_queue ORDER BY 1")]
    else:
        wanted = set(article_ids)
        todo = [r[0] for r in db.execute("SELECT article_id FROM figure_queue ORDER BY 1")
                if r[0] in wanted]  # fmt: skip
    facts: set[str] = set()
    done, size = 0, batch
    while done < len(todo):
        chunk = todo[done : done + size]
        read = None if progress is None else _reporter(progress, done, len(todo))
        with db.atomic():
            facts |= refresh_articles(db, chunk, read)
            for part, marks in in_chunks(chunk):
                db.execute(f"DELETE FROM figure_queue WHERE article_id IN ({marks})", part)
        done += len(chunk)
        size = min(size * 2, batch * 8)
        if progress is not None:
            progress(done, len(todo))
    return facts, set(todo)
