"""``factcheck mark``, ``claims``, ``search``, and the small claim edits
(``verdict``, ``tag``, ``link``, ``source``, ``delete-claim``)."""

from __future__ import annotations

import argparse

from factcheck.cli.argtypes import positive, row_id
from factcheck.cli.context import add_db_option, open_db, open_to_read, reviewer
from factcheck.cli.output import print_json, print_table, say
from factcheck.core.model import Claim, Relation, Status
from factcheck.store import queries

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_STATUSES = [s.value for s in Status]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("mark", help="mark a quote in an article as a claim; prints its id")
    p.add_argument("article_id", type=row_id, metavar="ARTICLE_ID")
    p.add_argument("--quote", required=True, help="the exact text to mark")
    p.add_argument("--occurrence", type=positive, default=1, metavar="N",
                   help="mark the N-th occurrence of the quote (default 1)")  # fmt: skip
    p.add_argument("--status", choices=_STATUSES, default=Status.UNVERIFIED.value)
    p.add_argument("--tag", action="append", default=[], metavar="T", help="repeatable")
    p.add_argument("--note", default="")
    p.add_argument("--claimant", default="", metavar="WHO",
                   help="who made the claim (a person or organisation)")  # fmt: skip
    add_db_option(p)
    p.set_defaults(func=cmd_mark)

    p = sub.add_parser("claims", help="list claims (of one article, or all)")
    p.add_argument("article_id", type=row_id, nargs="?", metavar="ARTICLE_ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("search", help="full-text search over articles and claim notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=positive, default=50)
    p.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("verdict", help="set a claim's status")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("status", choices=_STATUSES)
    add_db_option(p)
    p.set_defaults(func=cmd_verdict)

    p = sub.add_parser("tag", help="add tags to a claim (or remove them with --remove)")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true")
    add_db_option(p)
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("link", help="link a claim to another claim as evidence")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("other_claim_id", type=row_id, metavar="OTHER_CLAIM_ID")
    p.add_argument("--relation", choices=[r.value for r in Relation], required=True)
    p.add_argument("--note", default="")
    add_db_option(p)
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("source", help="attach an outside source to a claim")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    p.add_argument("url")
    p.add_argument("--title", default="")
    p.add_argument("--quote", default="")
    p.add_argument("--accessed", default="", help="date accessed (default: today)")
    add_db_option(p)
    p.set_defaults(func=cmd_source)

    p = sub.add_parser("delete-claim", help="delete a claim with its tags and evidence")
    p.add_argument("claim_id", type=row_id, metavar="CLAIM_ID")
    add_db_option(p)
    p.set_defaults(func=cmd_delete)


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "gid": c.gid, "article_id": c.article_id, "quote": c.quote,
        "start": c.start,
        "end": c.end, "prefix": c.prefix, "suffix": c.suffix, "status": c.status.value,
        "tags": list(c.tags), "note": c.note, "reviewer": c.reviewer,
        "created_at": c.created_at, "updated_at": c.updated_at,
        "placement": c.placement, "placement_score": round(c.placement_score, 4),
        "original_quote": c.original_quote, "adjudicated_by": c.adjudicated_by,
        "claimant": c.claimant, "claimed_at": c.claimed_at,
    }  # fmt: skip


def cmd_mark(args: argparse.Namespace) -> int:
    from factcheck.store import ops  # loaded by the commands that write

    db = open_db(args)
    change = ops.mark_quote(
        db, args.article_id, args.quote, reviewer(args), occurrence=args.occurrence,
        status=Status(args.status), tags=args.tag, note=args.note, claimant=args.claimant,
    )  # fmt: skip
    print(change.created_id)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    db = open_to_read(args)
    if args.article_id is not None:
        queries.get_article(db, args.article_id)  # a clear error for an unknown article
        claims = queries.claims_for_article(db, args.article_id)
    else:
        claims = queries.all_claims(db)
    if args.json:
        print_json([claim_json(c) for c in claims])
        return 0
    print_table(
        ["ID", "ARTICLE", "QUOTE", "START", "END", "STATUS", "TAGS", "NOTE"],
        [[c.id, c.article_id, c.quote, c.start, c.end, c.status.value, ",".join(c.tags),
          c.note] for c in claims],
        [None, None, 50, None, None, None, 24, 40],
    )  # fmt: skip
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    db = open_db(args)
    hits = queries.search(db, args.query, limit=args.limit)
    if args.json:
        print_json([
            {"kind": h.kind, "article_id": h.article_id, "claim_id": h.claim_id,
             "title": h.title, "snippet": h.snippet}
            for h in hits
        ])  # fmt: skip
        return 0
    if not hits:
        say(f"no matches for {args.query!r}")
        return 0
    print_table(
        ["KIND", "ARTICLE", "CLAIM", "TITLE", "SNIPPET"],
        [[h.kind, h.article_id, h.claim_id or "", h.title, h.snippet] for h in hits],
        [None, None, None, 40, 80],
    )
    return 0


def cmd_verdict(args: argparse.Namespace) -> int:
    from factcheck.store import ops

    ops.set_status(open_db(args), args.claim_id, args.status, reviewer(args))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from factcheck.store import ops

    db = open_db(args)
    edit = ops.remove_tag if args.remove else ops.add_tag
    for name in args.tags:
        edit(db, args.claim_id, name, reviewer(args))
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from factcheck.store import ops

    change = ops.link_claims(open_db(args), args.claim_id, args.other_claim_id,
                             args.relation, reviewer(args), note=args.note)  # fmt: skip
    print(change.created_id)
    return 0


def cmd_source(args: argparse.Namespace) -> int:
    from factcheck.store import ops

    change = ops.add_source(open_db(args), args.claim_id, args.url, reviewer(args),
                            title=args.title, quote=args.quote, accessed=args.accessed)  # fmt: skip
    print(change.created_id)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from factcheck.store import ops

    ops.delete_claim(open_db(args), args.claim_id, reviewer(args))
    return 0
