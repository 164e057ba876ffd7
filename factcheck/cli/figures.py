"""``factcheck figures``, ``facts`` and ``fact ...`` (the reviewer's edits of facts)."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli.argtypes import row_id
from factcheck.cli.context import add_db_option, figures_ready, open_db, reviewer
from factcheck.cli.output import print_json, print_table, say
from factcheck.core.figures import FactFigure
from factcheck.core.figures.board import FactDetail, StoredFigure
from factcheck.store import Database, ops, queries


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("figures", help="list the figures found in the articles")
    p.add_argument("article_id", type=row_id, nargs="?", metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("facts", help="facts told by several articles, and whether they agree")
    p.add_argument("--conflicts", action="store_true", help="only facts whose figures disagree")
    p.add_argument("--all", action="store_true", help="also facts told by one article only")
    p.add_argument("--json", action="store_true", help="print JSON (with figures and reasons)")
    add_db_option(p)
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("fact", help="show or edit a fact (rename, merge, split, move, dismiss)")
    acts = p.add_subparsers(dest="fact_command", metavar="ACTION", required=True)
    a = acts.add_parser("show", help="a fact's figures and the conflicts among them")
    a.add_argument("fact", metavar="FACT", help="the fact's number (as listed) or key")
    a.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(a)
    a.set_defaults(func=cmd_show)
    a = acts.add_parser("rename", help="give a fact a name")
    a.add_argument("fact", metavar="FACT")
    a.add_argument("name", metavar="NAME")
    add_db_option(a)
    a.set_defaults(func=lambda args: _done(ops.rename_fact(
        _open(args), args.fact, args.name, reviewer(args))))
    a = acts.add_parser("merge", help="put a fact's figures into another fact")
    a.add_argument("fact", metavar="FACT")
    a.add_argument("into", metavar="INTO_FACT")
    add_db_option(a)
    a.set_defaults(func=lambda args: _done(ops.merge_facts(
        _open(args), args.fact, args.into, reviewer(args))))
    a = acts.add_parser("split", help="move some figures of a fact into a new fact")
    a.add_argument("fact", metavar="FACT")
    a.add_argument("figure_ids", type=row_id, nargs="+", metavar="FIGURE_ID")
    a.add_argument("--name", required=True, help="the new fact's name")
    add_db_option(a)
    a.set_defaults(func=cmd_split)
    a = acts.add_parser("move", help="make a figure part of another fact")
    a.add_argument("figure_id", type=row_id, metavar="FIGURE_ID")
    a.add_argument("to", metavar="FACT")
    add_db_option(a)
    a.set_defaults(func=lambda args: _done(ops.move_figure(
        _open(args), args.figure_id, args.to, reviewer(args))))
    a = acts.add_parser("dismiss", help="take a figure out of its fact")
    a.add_argument("figure_id", type=row_id, metavar="FIGURE_ID")
    add_db_option(a)
    a.set_defaults(func=lambda args: _done(ops.dismiss_figure(
        _open(args), args.figure_id, reviewer(args))))
    a = acts.add_parser("restore", help="undo a move or dismissal of a figure")
    a.add_argument("figure_id", type=row_id, metavar="FIGURE_ID")
    add_db_option(a)
    a.set_defaults(func=lambda args: _done(ops.reset_figure(
        _open(args), args.figure_id, reviewer(args))))
    a = acts.add_parser("claims", help="mark a fact's figures as claims and link them")
    a.add_argument("fact", metavar="FACT")
    a.add_argument("--tag", default="figures", help="tag for the new claims (default figures)")
    add_db_option(a)
    a.set_defaults(func=cmd_claims)


def _open(args: argparse.Namespace) -> Database:
    db = open_db(args)
    figures_ready(db)
    return db


def _done(_change: ops.Change) -> int:
    return 0


def figure_json(s: StoredFigure) -> dict[str, Any]:
    f = s.figure
    return {
        "id": s.id, "article_id": s.article_id, "start": f.start, "end": f.end,
        "text": f.text, "number": {"start": f.num_start, "end": f.num_end}, "kind": f.kind,
        "value": f.value, "low": f.low, "high": f.high, "low_open": f.low_open,
        "high_open": f.high_open, "range": f.range_text, "hedge": f.hedge,
        "hedge_kind": f.hedge_kind, "date": f.date, "unit": f.unit, "unit_class": f.unit_class,
        "predicate": f.predicate, "predicate_class": f.predicate_class, "measure": f.measure,
        "subject": f.subject, "subject_name": f.subject_name, "time": f.time_text,
        "as_of": f.as_of, "since": f.since, "to_date": f.to_date,
        "attribution": f.attribution, "fact": s.fact_key, "edited": s.edited,
    }  # fmt: skip


def _fact_figure_json(f: FactFigure) -> dict[str, Any]:
    return {
        "id": f.id, "article_id": f.article_id, "article_title": f.article_title,
        "start": f.start, "end": f.end, "text": f.text, "range": f.range_text,
        "hedge": f.hedge, "date": f.when, "date_from": f.when_from, "to_date": f.to_date,
        "attribution": f.attribution, "claim_id": f.claim_id,
    }  # fmt: skip


def fact_json(d: FactDetail) -> dict[str, Any]:
    r = d.row
    return {
        "id": r.id, "key": r.key, "label": r.label, "subject": r.subject, "measure": r.measure,
        "kind": r.kind, "articles": r.articles, "summary": d.judgement.summary,
        "conflict_count": d.judgement.conflict_count,
        "figures": [_fact_figure_json(f) for f in d.figures],
        "conflicts": [{"figures": [c.first.id, c.second.id], "reason": c.reason,
                       "small": c.small} for c in d.judgement.conflicts],
    }  # fmt: skip


def cmd_figures(args: argparse.Namespace) -> int:
    db = _open(args)
    if args.article_id is not None:
        queries.get_article(db, args.article_id)
        figs = queries.figures_for_article(db, args.article_id)
    else:
        figs = queries.all_figures(db)
    if args.json:
        print_json([figure_json(s) for s in figs])
        return 0
    print_table(
        ["ID", "ARTICLE", "FIGURE", "KIND", "RANGE", "UNIT", "SAYS", "SUBJECT", "WHEN", "BY",
         "FACT"],
        [[s.id, s.article_id, s.figure.text, s.figure.kind, s.figure.range_text, s.figure.unit,
          s.figure.predicate, s.figure.subject_name, s.figure.time_text or s.figure.as_of,
          s.figure.attribution, s.fact_key + (f" ({s.edited})" if s.edited else "")]
         for s in figs],
        [None, None, 24, None, 20, 20, 14, 18, 16, 20, 32],
    )  # fmt: skip
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    db = _open(args)
    rows = queries.list_facts(db, conflicts_only=args.conflicts,
                              min_articles=1 if args.all else 2)  # fmt: skip
    if args.json:
        print_json([fact_json(d) for d in queries.fact_details(db, rows)])
        return 0
    if not rows:
        say("no facts" + (" whose figures disagree" if args.conflicts else ""))
        return 0
    print_table(
        ["FACT", "NAME", "KIND", "ARTICLES", "FIGURES", "CONFLICTS", "SUMMARY"],
        [[r.id, r.label, r.kind, r.articles, r.figures, r.conflicts, r.summary] for r in rows],
        [None, 40, None, None, None, None, 90],
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    db = _open(args)
    d = queries.fact_detail(db, args.fact)
    if args.json:
        print_json(fact_json(d))
        return 0
    say(f"fact {d.row.id}: {d.row.label} ({d.row.kind}) — {d.judgement.summary}")
    print_table(
        ["FIGURE", "ARTICLE", "TEXT", "RANGE", "DATE", "BY", "CLAIM"],
        [[f.id, f.article_id, f.text, f.range_text, f.when or "no date", f.attribution,
          f.claim_id or ""] for f in d.figures],
        [None, None, 28, 20, None, 30, None],
    )  # fmt: skip
    for c in d.judgement.conflicts:
        say(f"conflict: {c.reason}")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    change = ops.split_fact(_open(args), args.fact, args.figure_ids, args.name, reviewer(args))
    print(change.created_id)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    change = ops.mark_fact_claims(_open(args), args.fact, reviewer(args), tag=args.tag)
    print(" ".join(str(c) for c in sorted(change.claim_ids)))
    return 0
