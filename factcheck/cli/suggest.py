"""``factcheck suggest`` (check-worthy sentences, accept or reject one), ``claimant``
(who made a claim) and ``elsewhere`` (a claim's twins in other articles)."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli.argtypes import positive, row_id
from factcheck.cli.context import add_db_option, figures_ready, open_db, reviewer
from factcheck.cli.output import print_json, print_table, say
from factcheck.core.model import Relation
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries
from factcheck.store.suggestions import found_elsewhere, suggestions_for


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("suggest", help="check-worthy sentences of an article (or of all), "
                                       "best first; accept or reject one")  # fmt: skip
    p.add_argument("article_id", type=row_id, nargs="?", metavar="ARTICLE_ID")
    p.add_argument("--limit", type=positive, default=None, metavar="N",
                   help="at most N per article")  # fmt: skip
    one = p.add_mutually_exclusive_group()  # accepting and rejecting the same pick is nonsense
    one.add_argument("--accept", type=positive, metavar="RANK",
                   help="mark suggestion RANK of ARTICLE_ID as a claim (claimant filled in)")
    one.add_argument("--reject", type=positive, metavar="RANK",
                   help="hide suggestion RANK of ARTICLE_ID for good")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("claimant", help="record who made a claim (and when)")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("name", metavar="WHO", help='a person or organisation ("" to clear)')
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="when they made it")
    add_db_option(p)
    p.set_defaults(func=cmd_claimant)

    p = sub.add_parser("elsewhere", help="where a claim appears in other articles (the same "
                                         "words, or a figure of the same fact)")  # fmt: skip
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("--mark", action="store_true",
                   help="mark them all as claims linked same-as, with the claim's tags")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_elsewhere)


def cmd_suggest(args: argparse.Namespace) -> int:
    db = open_db(args)
    if (args.accept or args.reject) and args.article_id is None:
        raise InvalidInput("--accept and --reject need an ARTICLE_ID")
    ids = [args.article_id] if args.article_id is not None else [
        a.id for a in queries.list_articles(db)]  # fmt: skip
    if args.accept or args.reject:
        rank = args.accept or args.reject
        found = suggestions_for(db, args.article_id)
        if rank > len(found):
            raise InvalidInput(f"article {args.article_id} has {len(found)} suggestion"
                               f"{'s' if len(found) != 1 else ''}, not {rank}")  # fmt: skip
        chosen = found[rank - 1]
        text = queries.get_article(db, args.article_id).text
        if args.accept:
            change = ops.mark_claim(db, args.article_id, chosen.start, chosen.end,
                                    reviewer(args), claimant=chosen.claimant)  # fmt: skip
            print(change.created_id)
        else:
            ops.reject_suggestion(db, args.article_id, text[chosen.start : chosen.end],
                                  reviewer(args))  # fmt: skip
            say(f"rejected suggestion {rank} of article {args.article_id}")
        return 0
    rows: list[dict[str, Any]] = []
    for article_id in ids:
        text = queries.get_article(db, article_id).text
        for rank, s in enumerate(suggestions_for(db, article_id, limit=args.limit), 1):
            rows.append({"article_id": article_id, "rank": rank, "start": s.start,
                         "end": s.end, "sentence": text[s.start : s.end], "score": s.score,
                         "reasons": list(s.reasons), "claimant": s.claimant})  # fmt: skip
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        say("no suggestions")
        return 0
    print_table(["ARTICLE", "RANK", "SCORE", "SENTENCE", "WHY", "CLAIMANT"],
                [[r["article_id"], r["rank"], f"{r['score']:.1f}", r["sentence"],
                  ", ".join(r["reasons"]), r["claimant"]] for r in rows],
                [None, None, None, 70, 40, 24])  # fmt: skip
    return 0


def cmd_claimant(args: argparse.Namespace) -> int:
    db = open_db(args)
    ops.set_claimant(db, args.claim_id, args.name, reviewer(args), claimed_at=args.date)
    claim = queries.get_claim(db, args.claim_id)
    say(f"claim {claim.id}: claimant {claim.claimant or '(none)'}"
        + (f", {claim.claimed_at}" if claim.claimed_at else ""))  # fmt: skip
    return 0


def cmd_elsewhere(args: argparse.Namespace) -> int:
    db = open_db(args)
    figures_ready(db)  # figures of the same fact are among the twins
    twins = found_elsewhere(db, args.claim_id)
    if args.mark and twins:
        claim = queries.get_claim(db, args.claim_id)
        who = reviewer(args)
        with db.atomic():
            for t in twins:
                made = ops.mark_claim(db, t.article_id, t.start, t.end, who,
                                      tags=claim.tags, claimant=claim.claimant,
                                      note=f"Found again ({t.how}) from claim {claim.id}.")
                assert made.created_id is not None
                ops.link_claims(db, made.created_id, claim.id, Relation.SAME_AS, who)
        say(f"marked {len(twins)} claim{'s' if len(twins) != 1 else ''} and linked them "
            f"same-as claim {claim.id}")  # fmt: skip
        return 0
    if args.json:
        print_json([{"article_id": t.article_id, "title": t.title, "start": t.start,
                     "end": t.end, "quote": t.quote, "how": t.how} for t in twins])
        return 0
    if not twins:
        say(f"claim {args.claim_id} appears in no other article")
        return 0
    print_table(["ARTICLE", "TITLE", "QUOTE", "HOW"],
                [[t.article_id, t.title, t.quote, t.how] for t in twins],
                [None, 40, 50, 40])  # fmt: skip
    return 0
