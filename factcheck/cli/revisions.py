"""``factcheck revisions``, ``review``, ``confirm`` and ``reattach``: an article's text
versions, and the claims a new version left for the reviewer to check."""

from __future__ import annotations

import argparse
import sys

from factcheck.cli.argtypes import offset, positive, row_id
from factcheck.cli.context import add_db_option, open_db, reviewer
from factcheck.cli.output import print_json, print_table, safe, say
from factcheck.core.folding import count_quote, find_quote
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "revisions",
        help="list an article's text revisions, or print one with --show N",
        description="Every text edit or update import of an article adds a revision; the "
        "highest number is the current text. Old revisions are kept and can be printed.",
    )
    p.add_argument("article_id", type=row_id, metavar="ARTICLE_ID")
    p.add_argument("--show", type=positive, metavar="N", help="print the text of revision N")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_revisions)

    p = sub.add_parser(
        "review",
        help="list claims whose placement needs review (fuzzy or orphaned)",
        description="After an article's text changed, claims found only approximately "
        "(fuzzy) or not at all (orphaned) wait here until confirmed, re-attached or deleted.",
    )
    p.add_argument("article_id", type=row_id, nargs="?", metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("confirm", help="accept where a fuzzy or moved claim was placed")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    add_db_option(p)
    p.set_defaults(func=cmd_confirm)

    p = sub.add_parser(
        "reattach",
        help="attach a claim to a new quote of its article's current text",
        description="Give a claim (typically an orphaned one) a new span: the N-th "
        "occurrence of --quote, or --start/--end offsets (code points).",
    )
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("--quote", help="the exact text to attach the claim to")
    p.add_argument("--occurrence", type=positive, default=1, metavar="N",
                   help="use the N-th occurrence of the quote (default 1)")  # fmt: skip
    p.add_argument("--start", type=offset, help="start offset (with --end, instead of --quote)")
    p.add_argument("--end", type=offset, help="end offset (exclusive)")
    add_db_option(p)
    p.set_defaults(func=cmd_reattach)


def cmd_revisions(args: argparse.Namespace) -> int:
    db = open_db(args)
    if args.show is not None:
        rev = queries.get_revision_by_number(db, args.article_id, args.show)
        if args.json:
            print_json({"article_id": rev.article_id, "number": rev.number, "text": rev.text})
        else:
            text = safe(rev.text, block=True)
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    revs = queries.list_revisions(db, args.article_id)
    if args.json:
        print_json([
            {"id": r.id, "article_id": r.article_id, "number": r.number,
             "created_at": r.created_at, "reviewer": r.reviewer, "source": r.source,
             "source_path": r.source_path, "characters": len(r.text),
             "current": r is revs[-1]}
            for r in revs
        ])  # fmt: skip
        return 0
    print_table(
        ["REV", "CREATED", "REVIEWER", "SOURCE", "CHARS", "FILE"],
        [[f"{r.number}{' *' if r is revs[-1] else ''}", r.created_at, r.reviewer, r.source,
          len(r.text), r.source_path] for r in revs],
        [None, None, 20, None, None, 50],
    )  # fmt: skip
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    db = open_db(args)
    if args.article_id is not None:
        queries.get_article_title(db, args.article_id)  # a clear error for an unknown id
    claims = queries.claims_needing_review(db, args.article_id)
    if args.json:
        print_json([
            {"id": c.id, "article_id": c.article_id, "placement": c.placement,
             "placement_score": round(c.placement_score, 4), "quote": c.quote,
             "original_quote": c.original_quote, "start": c.start, "end": c.end}
            for c in claims
        ])  # fmt: skip
        return 0
    if not claims:
        say("no claims need review")
        return 0
    print_table(
        ["ID", "ARTICLE", "PLACEMENT", "SCORE", "NOW", "MARKED AS"],
        [[c.id, c.article_id, c.placement, f"{c.placement_score:.2f}",
          "" if c.placement == "orphaned" else c.quote, c.original_quote] for c in claims],
        [None, None, None, None, 45, 45],
    )  # fmt: skip
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    ops.confirm_placement(open_db(args), args.claim_id, reviewer(args))
    return 0


def cmd_reattach(args: argparse.Namespace) -> int:
    db = open_db(args)
    by_offsets = args.start is not None or args.end is not None
    if by_offsets == (args.quote is not None):
        raise InvalidInput("reattach needs either --quote or both --start and --end")
    claim = queries.get_claim(db, args.claim_id)
    if by_offsets:
        if args.start is None or args.end is None:
            raise InvalidInput("reattach needs both --start and --end")
        start, end = args.start, args.end
    else:
        if not args.quote.strip():
            raise InvalidInput("the quote is empty")
        text = queries.get_article(db, claim.article_id).text
        found = find_quote(text, args.quote, args.occurrence)
        if found is None:
            n = count_quote(text, args.quote)
            raise InvalidInput(
                f"the quote occurs {n} time{'s' if n != 1 else ''} in article "
                f"{claim.article_id}, not {args.occurrence}: {args.quote!r}"
            )
        start, end = found
    ops.reattach_claim(db, args.claim_id, start, end, reviewer(args))
    return 0
